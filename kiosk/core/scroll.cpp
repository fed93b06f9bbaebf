// Drag, fling and edge behaviour of touch lists, as pure arithmetic on timestamps.
#include "kiosk/core/scroll.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

void Scroller::setExtent(float contentHeight, float viewHeight) {
    m_contentHeight = contentHeight;
    m_viewHeight = viewHeight;
}

float Scroller::maxOffset() const { return std::max(0.0f, m_contentHeight - m_viewHeight); }

void Scroller::press(float y, double now) {
    m_pressed = true;
    m_dragged = false;
    m_pressY = y;
    m_pressOffset = m_offset;
    m_velocity = 0.0f;
    m_samples.clear();
    m_samples.emplace_back(now, y);
}

void Scroller::move(float y, double now) {
    if (!m_pressed) return;
    if (!m_dragged && std::fabs(y - m_pressY) > m_config.dragThreshold) m_dragged = true;
    m_samples.emplace_back(now, y);
    while (m_samples.size() > 2 && now - m_samples.front().first > 0.1) m_samples.pop_front();
    if (!m_dragged) return;
    float target = m_pressOffset - (y - m_pressY);
    // Past an edge the content follows the finger at a third of the distance: a soft, visible limit.
    if (target < 0) target = std::max(-m_config.maxOverscroll, target / 3.0f);
    if (target > maxOffset()) target = std::min(maxOffset() + m_config.maxOverscroll, maxOffset() + (target - maxOffset()) / 3.0f);
    m_offset = target;
}

bool Scroller::release(double now) {
    if (!m_pressed) return false;
    m_pressed = false;
    if (!m_dragged) return false;
    while (m_samples.size() > 2 && now - m_samples.front().first > 0.1) m_samples.pop_front();
    if (m_samples.size() >= 2) {
        const auto& [t0, y0] = m_samples.front();
        const auto& [t1, y1] = m_samples.back();
        const double dt = std::max(1e-3, t1 - t0);
        m_velocity = static_cast<float>(-(y1 - y0) / dt);
    }
    return true;
}

void Scroller::update(double dt) {
    if (m_pressed) return;
    const auto step = static_cast<float>(dt);
    m_offset += m_velocity * step;
    m_velocity *= std::exp(-m_config.friction * step);
    if (std::fabs(m_velocity) < m_config.stopSpeed) m_velocity = 0.0f;
    const float edge = std::clamp(m_offset, 0.0f, maxOffset());
    if (edge != m_offset) {
        m_velocity = 0.0f;
        m_offset = edge + (m_offset - edge) * std::exp(-m_config.springRate * step);
        if (std::fabs(m_offset - edge) < 0.5f) m_offset = edge;
    }
}

void Scroller::reset() {
    m_offset = 0.0f;
    m_velocity = 0.0f;
    m_pressed = false;
    m_dragged = false;
    m_samples.clear();
}

void Scroller::setOffsetBy(float delta) {
    m_offset = std::clamp(m_offset + delta, 0.0f, maxOffset());
    m_velocity = 0.0f;
}

bool Scroller::isMoving() const {
    return !m_pressed && (m_velocity != 0.0f || m_offset < 0.0f || m_offset > maxOffset());
}

VisibleRange visibleRows(int rowCount, float rowHeight, float offset, float viewHeight) {
    if (rowCount <= 0 || rowHeight <= 0) return {};
    const int first = std::clamp(static_cast<int>(std::floor(offset / rowHeight)), 0, rowCount);
    const int last = std::clamp(static_cast<int>(std::ceil((offset + viewHeight) / rowHeight)), first, rowCount);
    return {first, last};
}

}  // namespace kiosk::core
