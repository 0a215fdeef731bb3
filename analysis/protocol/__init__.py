"""protocol: claims about Bitcoin's protocol layer (governance and transaction verification),
as against its mining layer."""
