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
