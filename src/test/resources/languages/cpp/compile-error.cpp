#include <iostream>

int main() {
    std::cout << undefined_variable << '\n';
}
