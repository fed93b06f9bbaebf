// The kiosk's redraw and wake policy (see frame_policy.h).
#include "kiosk/core/frame_policy.h"

#include <algorithm>

namespace kiosk::core {

void FramePolicy::requestFrames(int frames) { m_framesOwed = std::max(m_framesOwed, frames); }

void FramePolicy::followData(bool changed, double now) {
    if (changed && m_dataDueAt < 0) m_dataDueAt = std::max(now, m_lastDataFrameAt + kDataFrameInterval);
    if (m_dataDueAt < 0 || now < m_dataDueAt) return;
    requestFrames(kFramesAfterData);
    m_lastDataFrameAt = now;
    m_dataDueAt = -1;
}

double FramePolicy::waitSeconds(double now, bool animating, double otherWakeSeconds) const {
    if (m_framesOwed > 0 || animating) return 0.0;
    double wait = std::min(kIdleWakeSeconds, otherWakeSeconds);
    if (m_dataDueAt >= 0) wait = std::clamp(m_dataDueAt - now, 0.0, wait);
    return m_viewChangeAt >= 0 ? std::clamp(m_viewChangeAt - now, 0.0, wait) : wait;
}

bool FramePolicy::needsFrame(const KioskState& state, double now, bool animating) const {
    if (m_framesOwed > 0 || animating) return true;
    if (m_viewChangeAt >= 0 && now >= m_viewChangeAt) return true;
    return (state.idleWarning || state.screen == Screen::Saving) && second(now) != m_lastSecond;
}

void FramePolicy::frameDrawn(double now) {
    m_framesOwed = std::max(0, m_framesOwed - 1);
    if (m_viewChangeAt >= 0 && now >= m_viewChangeAt) m_viewChangeAt = -1;  // shown; the view names its next one
    m_lastSecond = second(now);
}

int FramePolicy::second(double now) { return static_cast<int>(now); }

}  // namespace kiosk::core
