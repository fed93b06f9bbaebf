// The windows of this build, handed to the command line (see logic/window_launcher.h).
#include "kiosk/app/logic/window_launcher.h"

#include "kiosk/app/window/kiosk_loop.h"
#include "kiosk/app/window/moderate_window.h"
#include "kiosk/app/window/platform_window.h"
#include "kiosk/app/window/projector_window.h"
#include "kiosk/ui/fonts.h"

#include <filesystem>

namespace kiosk::app {

namespace {

class GlfwWindows final : public WindowLauncher {
public:
    void requireMonitor(int index, const std::string& option) override { app::requireMonitor(index, option); }
    int runKiosk(const RunOptions& options) override { return app::runKiosk(options); }
    int runProjector(const ProjectorOptions& options) override { return app::runProjector(options); }
    int runModerate(const ModerateOptions& options) override { return app::runModerate(options); }
    std::vector<MonitorInfo> monitors() override { return listMonitors(); }
    std::vector<std::string> missingFonts() override {
        std::vector<std::string> missing;
        for (const std::string& file : {std::string(ui::kNotoFolder) + "/NotoSans-Regular.ttf",
                                       std::string(ui::kNotoFolder) + "/NotoSans-Bold.ttf", std::string(ui::kIconFont)}) {
            if (!std::filesystem::is_regular_file(file)) missing.push_back(file);
        }
        return missing;
    }
};

}  // namespace

WindowLauncher* windowLauncher() {
    static GlfwWindows windows;
    return &windows;
}

}  // namespace kiosk::app
