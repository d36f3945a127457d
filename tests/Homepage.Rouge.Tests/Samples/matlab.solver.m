function [x, iters] = solver(A, b, tol)
% SOLVER  Solve Ax = b with conjugate gradients.
%{
  Block comment
%}
if nargin < 3, tol = 1e-6; end
x = zeros(size(b)); r = b - A*x; p = r;
iters = 0;
while norm(r) > tol && iters < 1000
    Ap = A * p;
    alpha = (r' * r) / (p' * Ap);
    x = x + alpha .* p;
    iters = iters + 1; ...continued line
end
disp(['done after ', num2str(iters), ' steps']);
s = "double ""quoted"" string";
c = 'it''s a char array';
!ls -la
end
