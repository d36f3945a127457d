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

/* ---- a records-and-streams corner of the same package ---- */
sealed interface Shape permits Circle, Rect {}

record Circle(double radius) implements Shape {
    Circle {
        if (radius < 0) throw new IllegalArgumentException("radius < 0: " + radius);
    }
}

record Rect(double w, double h) implements Shape {}

enum Level {
    LOW(1), MEDIUM(5), HIGH(10);

    private final int weight;

    Level(int weight) { this.weight = weight; }

    int weight() { return weight; }
}

@FunctionalInterface
interface Scorer<T> {
    double score(T item);

    default Scorer<T> scaled(double factor) {
        return item -> factor * score(item);
    }
}

abstract class Task<R> implements java.util.concurrent.Callable<R> {
    protected final String name;
    private static int created;

    protected Task(String name) {
        this.name = Objects.requireNonNull(name, "name");
        synchronized (Task.class) {
            created++;
        }
    }

    @Override
    public abstract R call() throws Exception;
}

final class Report {
    private Report() {}

    static double area(Shape shape) {
        return switch (shape) {
            case Circle c -> Math.PI * c.radius() * c.radius();
            case Rect r when r.w() == r.h() -> r.w() * r.w();
            case Rect r -> r.w() * r.h();
        };
    }

    static String describe(Object o) {
        if (o instanceof String s && !s.isBlank()) {
            return "string of " + s.length();
        } else if (o instanceof Integer i) {
            return i > 0 ? "positive" : "non-positive";
        }
        return String.valueOf(o);
    }

    public static void main(String... args) throws InterruptedException {
        List<Shape> shapes = List.of(new Circle(1.5), new Rect(2, 3), new Rect(4, 4));
        double total = shapes.stream().mapToDouble(Report::area).sum();
        Map<Boolean, List<Shape>> parts = shapes.stream()
            .collect(java.util.stream.Collectors.partitioningBy(s -> s instanceof Circle));
        var text = """
            Total area: %.2f
            Circles: %d
            """.formatted(total, parts.get(true).size());
        long big = 0x7fff_ffffL + 0b1010 + 017 + 1_000_000L;
        float ratio = 3.5f; double small = 1e-9d, exp = 6.02E23;
        char quote = '\'', tab = '\t', uni = '\u00e9';
        int[][] grid = new int[3][3];
        outer:
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                if (i * j > 2) break outer;
                grid[i][j] = i ^ j | (i & j) << 1 >>> 0;
            }
        }
        Scorer<String> byLength = String::length;
        Thread worker = new Thread(() -> System.out.println(byLength.scaled(2).score("abc")));
        worker.start();
        worker.join(100L);
        assert total > 0 : "area must be positive";
        System.out.printf("%s %d %f %c%c%c %s%n", text, big, ratio + small + exp, quote, tab, uni, describe(grid));
    }
}
