#include <vector>
#include <iostream>
namespace graph {
template <typename T>
class Graph final : public Base<T> {
public:
    explicit Graph(std::size_t n) : adj_(n) {}
    void add_edge(std::size_t u, std::size_t v) noexcept { adj_[u].push_back(v); }
    auto neighbors(std::size_t u) const -> const std::vector<std::size_t>& { return adj_[u]; }
private:
    std::vector<std::vector<std::size_t>> adj_;
};
}  // namespace graph

int main() {
    using namespace std::chrono_literals;
    auto g = graph::Graph<int>(1'000);
    constexpr double pi = 3.141'592;
    bool ok = true && nullptr == nullptr;
    auto raw = R"(raw "string")";
    auto t = 10ms;
    std::cout << g.neighbors(0).size() << std::endl;
    return ok ? 0 : 1;
}

// ---- shortest paths, with the modern language on show ----
#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <string_view>
#include <unordered_map>

#define UNUSED(x) (void)(x)

namespace graph::algorithms {

template <class Weight = double>
concept Numeric = std::is_arithmetic_v<Weight>;

template <Numeric W>
struct Edge {
    std::size_t to;
    W weight{};
    auto operator<=>(const Edge&) const = default;
};

template <Numeric W>
[[nodiscard]] std::vector<std::optional<W>> dijkstra(const std::vector<std::vector<Edge<W>>>& adj, std::size_t source)
{
    constexpr auto inf = std::numeric_limits<W>::max();
    std::vector<W> dist(adj.size(), inf);
    using Item = std::pair<W, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    dist[source] = W{0};
    queue.emplace(W{0}, source);
    while (!queue.empty()) {
        auto [d, u] = queue.top();
        queue.pop();
        if (d > dist[u]) continue;
        for (const auto& [to, weight] : adj[u]) {
            if (const W next = d + weight; next < dist[to]) {
                dist[to] = next;
                queue.push({next, to});
            }
        }
    }
    std::vector<std::optional<W>> result;
    result.reserve(dist.size());
    std::transform(dist.begin(), dist.end(), std::back_inserter(result),
                   [inf](W value) -> std::optional<W> { return value == inf ? std::nullopt : std::optional{value}; });
    return result;
}

class Registry {
public:
    static Registry& instance() {
        static Registry registry;
        return registry;
    }
    Registry(const Registry&) = delete;
    Registry& operator=(Registry&&) noexcept = default;
    virtual ~Registry() = default;

    void add(std::string_view name, std::function<int(int)> fn) { table_.emplace(std::string{name}, std::move(fn)); }
    int call(const std::string& name, int arg) const try {
        return table_.at(name)(arg);
    } catch (const std::out_of_range& e) {
        std::cerr << "no function '" << name << "': " << e.what() << '\n';
        throw;
    }

protected:
    Registry() = default;

private:
    std::unordered_map<std::string, std::function<int(int)>> table_;
    mutable std::unique_ptr<int[]> cache_ = std::make_unique<int[]>(16);
};

} // namespace graph::algorithms

static_assert(sizeof(void*) >= 4, "32-bit at least");

int demo(int argc, char* argv[]) {
    UNUSED(argv);
    using graph::algorithms::Edge;
    std::vector<std::vector<Edge<int>>> adj{{{1, 4}, {2, 1}}, {{3, 1}}, {{1, 2}, {3, 5}}, {}};
    auto dist = graph::algorithms::dijkstra(adj, 0);
    const auto hex = 0x7FFF'FFFFull, oct = 0777, bin = 0b1010'1010;
    const char32_t smile = U'\U0001F600';
    const wchar_t* wide = L"wide\tstring";
    auto lambda = [&, count = 0](auto&&... args) mutable { return (sizeof...(args) + count++); };
    std::map<std::string, double> scores{{"a", 1.5e-3}, {"b", .25f}};
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) std::cout << it->first << '=' << it->second << "\n";
    return dist[3].value_or(-1) + static_cast<int>(lambda(1, 2)) + argc - (hex > oct ? bin : 0) + int(smile != 0 && wide);
}
