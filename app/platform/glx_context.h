// SharedGlContext: a GL context with no window that shares textures,
// buffers and programs with the context current on this thread, for GL work
// whose driver state should not stay with the window's context (see
// Platform::ReloadFontTexture). GLX only; the kiosk runs on X11.
#pragma once

namespace ck {

class SharedGlContext {
public:
    SharedGlContext() = default;
    ~SharedGlContext() { End(); }
    SharedGlContext(const SharedGlContext&) = delete;
    SharedGlContext& operator=(const SharedGlContext&) = delete;

    // Creates the context (GL 3.3 core, the current one's framebuffer
    // configuration) and makes it current. False, with nothing changed, when
    // no GLX context is current or the server refuses.
    bool Begin();
    // Makes the previous context current again and destroys this one.
    void End();

private:
    void* display_ = nullptr;          // Display*
    unsigned long draw_ = 0, read_ = 0; // the previous context's drawables
    void* previous_ = nullptr;         // GLXContext
    void* context_ = nullptr;          // GLXContext
};

} // namespace ck
