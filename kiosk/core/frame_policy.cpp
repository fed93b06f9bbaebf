// The kiosk's redraw and wake policy (see frame_policy.h).
#include "kiosk/core/frame_policy.h"

#include <algorithm>

namespace kiosk::core {

void FramePolicy::requestFrames(int frames) { m_framesOwed = std::max(m_framesOwed, frames); }

double FramePolicy::waitSeconds(bool animating, double otherWakeSeconds) const {
    if (m_framesOwed > 0 || animating) return 0.0;
    return std::min(kIdleWakeSeconds, otherWakeSeconds);
}

bool FramePolicy::needsFrame(const KioskState& state, double now, bool animating) const {
    if (m_framesOwed > 0 || animating) return true;
    if (state.screen == Screen::Attract && attractTurn(now) != m_lastAttractTurn) return true;
    return (state.idleWarning || state.screen == Screen::Saving) && second(now) != m_lastSecond;
}

void FramePolicy::frameDrawn(double now) {
    m_framesOwed = std::max(0, m_framesOwed - 1);
    m_lastAttractTurn = attractTurn(now);
    m_lastSecond = second(now);
}

int FramePolicy::attractTurn(double now) { return static_cast<int>(now / kAttractTurnSeconds); }
int FramePolicy::second(double now) { return static_cast<int>(now); }

}  // namespace kiosk::core
