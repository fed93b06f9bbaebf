// The build without windows (IDEEN_BUILD_UI=OFF, the sanitizer and fuzz builds): run, projector and moderate say so.
#include "kiosk/app/logic/window_launcher.h"

namespace kiosk::app {

WindowLauncher* windowLauncher() { return nullptr; }

}  // namespace kiosk::app
