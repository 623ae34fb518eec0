// A ~200-line C++20 program (compile-time measurement): the standard library's templates at work
// (iostream, string, vector, map, unordered_map, set, algorithm, numeric, variant, optional,
// memory, functional, ranges, sstream, format-free printing).
#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <ranges>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace expr {

struct Num;
struct Bin;
using Node = std::variant<Num, Bin>;

struct Num {
    double value;
};

struct Bin {
    char op;
    std::unique_ptr<Node> left, right;
};

class Parser {
public:
    explicit Parser(std::string text) : text_(std::move(text)) {}

    std::unique_ptr<Node> parse() {
        auto node = expr();
        skip();
        if (pos_ != text_.size()) throw std::runtime_error("trailing input at " + std::to_string(pos_));
        return node;
    }

private:
    std::string text_;
    std::size_t pos_ = 0;

    void skip() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }

    std::optional<char> peek() {
        skip();
        if (pos_ < text_.size()) return text_[pos_];
        return std::nullopt;
    }

    std::unique_ptr<Node> expr() {
        auto left = term();
        while (auto c = peek()) {
            if (*c != '+' && *c != '-') break;
            ++pos_;
            left = std::make_unique<Node>(Bin{*c, std::move(left), term()});
        }
        return left;
    }

    std::unique_ptr<Node> term() {
        auto left = factor();
        while (auto c = peek()) {
            if (*c != '*' && *c != '/') break;
            ++pos_;
            left = std::make_unique<Node>(Bin{*c, std::move(left), factor()});
        }
        return left;
    }

    std::unique_ptr<Node> factor() {
        auto c = peek();
        if (!c) throw std::runtime_error("unexpected end");
        if (*c == '(') {
            ++pos_;
            auto inner = expr();
            if (peek() != ')') throw std::runtime_error("missing )");
            ++pos_;
            return inner;
        }
        std::size_t used = 0;
        double value = std::stod(text_.substr(pos_), &used);
        pos_ += used;
        return std::make_unique<Node>(Num{value});
    }
};

double eval(const Node &node) {
    return std::visit(
        [](const auto &n) -> double {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Num>) {
                return n.value;
            } else {
                double l = eval(*n.left), r = eval(*n.right);
                switch (n.op) {
                    case '+': return l + r;
                    case '-': return l - r;
                    case '*': return l * r;
                    default: return l / r;
                }
            }
        },
        node);
}

std::string show(const Node &node) {
    return std::visit(
        [](const auto &n) -> std::string {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Num>) {
                std::ostringstream out;
                out << n.value;
                return out.str();
            } else {
                return "(" + show(*n.left) + " " + n.op + " " + show(*n.right) + ")";
            }
        },
        node);
}

}  // namespace expr

template <typename T>
struct Stats {
    std::size_t count;
    double mean, deviation;
};

template <typename Range>
auto stats(const Range &values) {
    using T = std::ranges::range_value_t<Range>;
    double mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
    double var = std::accumulate(values.begin(), values.end(), 0.0,
                                 [mean](double acc, T v) { return acc + (v - mean) * (v - mean); });
    return Stats<T>{values.size(), mean, std::sqrt(var / values.size())};
}

std::vector<int> primes(int limit) {
    std::vector<bool> composite(limit + 1);
    std::vector<int> out;
    for (int i = 2; i <= limit; ++i) {
        if (composite[i]) continue;
        out.push_back(i);
        for (long j = static_cast<long>(i) * i; j <= limit; j += i) composite[j] = true;
    }
    return out;
}

int main() {
    for (const std::string src : {"1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 0.5", "((2))*(3+4)"}) {
        auto tree = expr::Parser(src).parse();
        std::cout << expr::show(*tree) << " = " << expr::eval(*tree) << '\n';
    }
    try {
        expr::Parser("1 + ").parse();
    } catch (const std::exception &e) {
        std::cout << "error: " << e.what() << '\n';
    }

    auto ps = primes(1000);
    auto s = stats(ps);
    std::cout << "primes: " << s.count << " mean " << s.mean << " sd " << s.deviation << '\n';
    auto evens = ps | std::views::filter([](int p) { return p % 4 == 1; }) | std::views::take(5);
    for (int p : evens) std::cout << p << ' ';
    std::cout << '\n';

    std::istringstream words("the quick brown fox jumps over the lazy dog and the dog sleeps");
    std::unordered_map<std::string, int> counts;
    for (std::string w; words >> w;) ++counts[w];
    std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
    std::ranges::sort(sorted, [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (const auto &[word, n] : sorted | std::views::take(3)) std::cout << word << ": " << n << '\n';

    std::map<int, std::set<std::string>> byLength;
    for (const auto &[word, n] : counts) byLength[static_cast<int>(word.size())].insert(word);
    for (const auto &[len, set] : byLength) {
        std::cout << len << ':';
        for (const auto &w : set) std::cout << ' ' << w;
        std::cout << '\n';
    }

    std::function<long(int)> fib = [&](int n) -> long { return n < 2 ? n : fib(n - 1) + fib(n - 2); };
    std::cout << "fib(25) = " << fib(25) << '\n';
}
