#include <iostream>
int main() { std::cout << "touchbase " TOUCHBASE_VERSION "\n"; }
