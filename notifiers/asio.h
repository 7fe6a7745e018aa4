#pragma once
// Boost.Asio, included one way everywhere: Boost 1.74's asio/awaitable.hpp
// uses std::exchange without including <utility>, which C++20 needs.

#include <utility>

#include <boost/asio.hpp>
