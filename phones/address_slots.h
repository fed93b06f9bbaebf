// How many connections each remote address holds at once, so that one address cannot take the whole thread pool
// (cpp-httplib 0.11 gives every open connection a thread of its own until it closes).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace phones {

class AddressSlots {
public:
    /// `perAddress` connections at once per address; 0 means no cap.
    explicit AddressSlots(std::size_t perAddress) : m_perAddress(perAddress) {}

    /// Takes a slot for a new connection from `address`: false (nothing taken) when it already holds the cap.
    bool take(const std::string& address);
    /// Gives back a slot taken by `take` when that connection closes.
    void give(const std::string& address);
    /// Connections `address` holds now (tests).
    std::size_t held(const std::string& address) const;
    std::size_t perAddress() const { return m_perAddress; }

private:
    std::size_t m_perAddress;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::size_t> m_held;  ///< only addresses with at least one open connection
};

}  // namespace phones
