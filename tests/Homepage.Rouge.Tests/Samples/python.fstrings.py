value = 42
print(f"{value}")
print(f'{value:{width}.{precision}}')
print(F"""multi
line {value!s} text {{escaped}}""")
print(rb'raw bytes \d+', Rb"\n")
text = 'single \' escaped' "double \" escaped"
