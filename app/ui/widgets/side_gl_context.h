// SideGlContext: a GL context, with no window of its own, that shares
// textures with the window's context. The platform makes it; a renderer
// that brings its own shaders (a clip's, through mpv) draws in it, so that
// the driver's compiler state for those shaders goes when the context does:
// Mesa keeps it for the life of the context that compiled them, several
// megabytes that would otherwise stay with the window after the clip ends.
#pragma once
#include <functional>
#include <memory>

namespace ck::ui {

class SideGlContext {
public:
    virtual ~SideGlContext() = default;
    // Makes this context current on the calling thread, remembering the one
    // that was; false (nothing changed) when the driver refuses.
    virtual bool Enter() = 0;
    // Makes the remembered context current again.
    virtual void Leave() = 0;
};

// Made while the window's context is current (objects are shared with it);
// null when the platform cannot make one.
using MakeSideGlContext = std::function<std::unique_ptr<SideGlContext>()>;

} // namespace ck::ui
