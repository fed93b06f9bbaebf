// The UI tests see the keyboards of assets/i18n, as the kiosk does after start.
#include "kiosk/core/i18n.h"
#include "tests/test_setup.h"

void ideenTestSetup() {
    kiosk::core::setKeyboardLayouts(
        kiosk::core::KeyboardLayouts::load(IDEEN_SOURCE_DIR "/assets/i18n", kiosk::core::kioskLanguages()));
}
