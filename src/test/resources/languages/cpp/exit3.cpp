#include <iostream>

int main() {
    std::cout << "bye" << std::endl;
    return 3;
}
