#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char **argv) {
    std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    std::cout << input;
    for (int i = 1; i < argc; i++) std::cout << argv[i] << '\n';
}
