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

%% ---- helpers for the experiments (a script section) ----
function result = run_experiments(configs, varargin)
%RUN_EXPERIMENTS  Run each configuration and collect the results.
%   RESULT = RUN_EXPERIMENTS(CONFIGS, 'Verbose', true) prints progress.
    p = inputParser;
    addParameter(p, 'Verbose', false, @islogical);
    addParameter(p, 'Seed', 42, @(x) isnumeric(x) && isscalar(x));
    parse(p, varargin{:});
    opts = p.Results;
    rng(opts.Seed, 'twister');

    result = struct('name', {}, 'error', {}, 'time', {});
    for k = 1:numel(configs)
        cfg = configs{k};
        t0 = tic;
        try
            A = gallery('poisson', cfg.n);
            b = ones(size(A, 1), 1);
            [x, iters] = solver(A, b, cfg.tol);
            err = norm(A*x - b) / norm(b);
        catch ME
            warning('run:failed', 'config %d failed: %s', k, ME.message);
            err = NaN; iters = -1;
        end
        result(end+1) = struct('name', sprintf('n=%d', cfg.n), 'error', err, 'time', toc(t0)); %#ok<AGROW>
        if opts.Verbose
            fprintf('%-10s iters=%4d err=%.3e time=%6.3fs\n', result(end).name, iters, err, result(end).time);
        end
    end
end

function out = normalize_rows(M)
    norms = sqrt(sum(M.^2, 2));
    norms(norms == 0) = 1;
    out = M ./ norms;
end

classdef Paper < handle
    properties
        Title (1,:) char = ''
        Year double {mustBeInteger, mustBePositive} = 2024
    end
    properties (Access = private, Constant)
        Venues = {'CVPR', 'ICCV', "NeurIPS"}
    end
    methods
        function obj = Paper(title, year)
            if nargin > 0
                obj.Title = title;
                obj.Year = year;
            end
        end
        function s = cite(obj)
            s = sprintf('%s (%d)', obj.Title, obj.Year);
        end
    end
    events
        Cited
    end
end

function demo()
    v = [1, 2.5, -3e-2, 1i, Inf, NaN, 0x1F, 1e3];
    M = [1 2; 3 4]';
    C = {v, 'chars', "string", {nested}};
    s.field = 'value'; s.('dynamic') = 3;
    mask = v > 0 & ~isnan(v) | v == -Inf;
    idx = find(mask, 1, 'last');
    switch lower(class(M))
        case {'double', 'single'}
            disp('floating');
        otherwise
            error('demo:type', 'unexpected %s', class(M));
    end
    f = @(x) x.^2 + 1;
    g = @sin;
    A = M \ [1; 2];
    B = M .^ 2 * A';
    parfor i = 1:4
        y(i) = f(i);
    end
    global counter
    persistent calls
    if isempty(calls), calls = 0; end
    calls = calls + 1;
    fprintf("%d %g %s\n", idx, g(pi/2), num2str(B(1)));
    keyboard_free = true; %#ok<NASGU>
end
