#include "phones/address_slots.h"

namespace phones {

bool AddressSlots::take(const std::string& address) {
    const std::lock_guard lock(m_mutex);
    std::size_t& held = m_held[address];
    if (m_perAddress != 0 && held >= m_perAddress) return false;
    ++held;
    return true;
}

void AddressSlots::give(const std::string& address) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_held.find(address);
    if (it == m_held.end()) return;
    if (--it->second == 0) m_held.erase(it);
}

std::size_t AddressSlots::held(const std::string& address) const {
    const std::lock_guard lock(m_mutex);
    const auto it = m_held.find(address);
    return it == m_held.end() ? 0 : it->second;
}

}  // namespace phones
