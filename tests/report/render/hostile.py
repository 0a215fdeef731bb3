"""Text that is markup in every language the report writes."""

# Markup of every kind the report writes: HTML, SVG/XML, Typst, Jinja and the prose braces.
HOSTILE = (
    '<script>alert("x")</script> & <img src=x onerror=alert(1)> '
    '#set page(width: 1cm) *bold* _em_ $x^2$ @ref <lbl> ] [ \\ // {{ 7*7 }} {price} "q"'
)
