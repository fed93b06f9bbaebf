// The windows of this build, handed to the command line (see logic/window_launcher.h).
#include "kiosk/app/logic/window_launcher.h"

#include "kiosk/app/window/kiosk_loop.h"
#include "kiosk/app/window/moderate_window.h"
#include "kiosk/app/window/platform_window.h"
#include "kiosk/app/window/projector_window.h"

namespace kiosk::app {

namespace {

class GlfwWindows final : public WindowLauncher {
public:
    void requireMonitor(int index, const std::string& option) override { app::requireMonitor(index, option); }
    int runKiosk(const RunOptions& options) override { return app::runKiosk(options); }
    int runProjector(const ProjectorOptions& options) override { return app::runProjector(options); }
    int runModerate(const ModerateOptions& options) override { return app::runModerate(options); }
};

}  // namespace

WindowLauncher* windowLauncher() {
    static GlfwWindows windows;
    return &windows;
}

}  // namespace kiosk::app
