// The commands that open a window: the kiosk itself and screenshots. They
// live in their own program, carekiosk-kiosk, the one part of CareKiosk that
// links ImGui, GLFW and OpenGL; `carekiosk` starts it for these two.
#pragma once
#include "commands.h"

namespace ck {

int RunKiosk(const Args& args);
int RunScreenshot(const Args& args);

} // namespace ck
