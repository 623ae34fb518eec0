#include <iostream>

int main() {
    std::cout << "Hello, World!\n";
    std::cout << __GNUC__ << '.' << __GNUC_MINOR__ << '.' << __GNUC_PATCHLEVEL__ << '\n';
}
