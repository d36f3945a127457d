package edu.example.solver;

import java.util.*;
import static java.lang.Math.max;

/**
 * A tiny solver.
 */
@SuppressWarnings("unchecked")
public final class Solver<T extends Comparable<T>> implements Runnable {
    private static final int MAX_ITERATIONS = 1_000;
    protected volatile boolean done = false;
    private final List<T> items = new ArrayList<>();

    public Solver(List<T> input) {
        this.items.addAll(input);
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        double rate = 0.5e3d + 3.14f + 0x1F + 0b1010 + 017 + 42L;
        char c = '\n', d = 'x';
        String s = "tab\tquote\"end";
        outer:
        for (int i = 0; i < MAX_ITERATIONS && !done; i++) {
            switch (i % 3) {
                case 0: continue outer;
                default: break;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        counts.put(s, max(1, items.size()));
        System.out.println(counts + " in " + (System.nanoTime() - start));
    }

    interface Visitor { void visit(Object o); }
}
