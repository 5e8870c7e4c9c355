// SharedGlContext: a GL context with no window that shares textures,
// buffers and programs with the context current on this thread when it is
// made, for GL work whose driver state should not stay with the window's
// context (see Platform::ReloadFontTexture and ui::SideGlContext). GLX only;
// the kiosk runs on X11.
#pragma once
#include "widgets/side_gl_context.h"

namespace ck {

class SharedGlContext final : public ui::SideGlContext {
public:
    SharedGlContext() = default;
    ~SharedGlContext() override { Destroy(); }
    SharedGlContext(const SharedGlContext&) = delete;
    SharedGlContext& operator=(const SharedGlContext&) = delete;

    // Creates the context (GL 3.3 core, the current one's framebuffer
    // configuration) without making it current. False when no GLX context is
    // current or the server refuses.
    bool Create();
    bool Enter() override;
    void Leave() override;
    // Leaves it if current, then destroys it.
    void Destroy();

    // For one piece of work: Create and Enter; End leaves and destroys.
    bool Begin() { return Create() && Enter(); }
    void End() { Destroy(); }

private:
    void* display_ = nullptr;          // Display*
    void* context_ = nullptr;          // GLXContext
    // While entered: the context current before, with its drawables.
    bool entered_ = false;
    unsigned long draw_ = 0, read_ = 0;
    void* previous_ = nullptr;         // GLXContext
};

} // namespace ck
