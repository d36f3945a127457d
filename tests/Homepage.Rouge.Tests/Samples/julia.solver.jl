# Conjugate gradient in Julia
#= block
   comment =#
module Solvers
using LinearAlgebra
export cg

abstract type AbstractSolver end
mutable struct CG{T<:AbstractFloat} <: AbstractSolver
    tol::T
    maxiter::Int
end

function cg(A::AbstractMatrix, b::Vector{Float64}; tol=1e-8, maxiter=1_000)
    x = zeros(length(b)); r = b - A * x; p = copy(r)
    for k in 1:maxiter
        α = dot(r, r) / dot(p, A * p)
        x .+= α .* p
        norm(r) < tol && break
        @assert isfinite(α) "diverged at $k"
    end
    println("done: $(length(x)) unknowns, 0x1F = ", 0x1f, ' ', 'c', " tab\t")
    return x'
end

const MAXN = 2^10 + 0b101 + 3.5e2
end # module

# ---- a small citation tracker: types, dispatch, macros, strings ----
module Citations

using Dates, Statistics
import Base: show, +, isless

export Paper, hindex, @timed_section

"""
    Paper(title, year, citations)

A paper with its citation count. `year` is checked.
"""
struct Paper
    title::String
    year::Int
    citations::Vector{Int}
    function Paper(title::AbstractString, year::Integer, citations=Int[])
        1900 <= year <= Dates.year(today()) || throw(ArgumentError("bad year $year"))
        new(String(title), year, collect(citations))
    end
end

Base.isless(a::Paper, b::Paper) = (a.year, a.title) < (b.year, b.title)
total(p::Paper) = sum(p.citations; init=0)
+(a::Paper, b::Paper) = total(a) + total(b)

function show(io::IO, p::Paper)
    print(io, "Paper(\"", p.title, "\", ", p.year, ") with ", total(p), " citations")
end

function hindex(papers::AbstractVector{Paper})::Int
    counts = sort!(map(total, papers); rev=true)
    h = 0
    for (i, c) in enumerate(counts)
        c >= i ? (h = i) : break
    end
    return h
end

macro timed_section(name, expr)
    quote
        local t0 = time_ns()
        local result = $(esc(expr))
        @info "section" name=$(string(name)) seconds=(time_ns() - t0) / 1e9
        result
    end
end

const PAPERS = [
    Paper("Dynamic Scenes", 2024, [3, 10, 25]),
    Paper("Earlier Work", 2021, 1:5),
]

stats = @timed_section load begin
    years = [p.year for p in PAPERS if total(p) > 0]
    (mean=mean(years), spread=std(years; corrected=false), n=length(years))
end

matrix = [1 2 3; 4 5 6] .* 2.0
vec = Float64[1.0, 2.5e-3, -Inf, NaN, 0x10, 0o17, 0b11, 1_000.5f0]
sym = :symbol; chr = '\n'; uni = '\u00e9'
raw = raw"C:\no\escapes"; rx = r"^\d{4}-\d{2}$"i; bytes = b"\x00\xff"
str = """
    Triple-quoted with $(length(PAPERS)) papers and $sym.
    """
f = x -> x^2 + 2x + 1
g(x::T) where {T<:Real} = T(1) / x
nt = (; a=1, b="two")
d = Dict("a" => 1, "b" => 2)
for (k, v) in pairs(d)
    println(k, " => ", v)
end
@assert hindex(PAPERS) == 2 "h-index"
let x = 1, y = 2
    while x < 10
        x += y; y ⊻= 1
    end
end
try
    Paper("Future", 3000)
catch err
    err isa ArgumentError && println("caught: ", err.msg)
finally
    nothing
end

end # module Citations
