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
