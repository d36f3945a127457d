x = Class.new
puts "hello #{x}"
def greet(name = "world") = "Hi, #{name}!"
