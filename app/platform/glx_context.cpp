// SharedGlContext on GLX. See glx_context.h. Kept apart from the rest of
// the platform code: Xlib's headers define macros (None, Bool, Status...)
// that nothing else should see.
#include "glx_context.h"

#include <GL/glx.h>

namespace ck {

namespace {

int g_x_error = 0;   // set by the handler below while a context is being created

int NoteXError(Display*, XErrorEvent* event)
{
    g_x_error = event->error_code;
    return 0;
}

using CreateContextAttribs = GLXContext (*)(Display*, GLXFBConfig, GLXContext, Bool, const int*);

} // namespace

bool SharedGlContext::Create()
{
    Destroy();
    Display* display = glXGetCurrentDisplay();
    GLXContext current = glXGetCurrentContext();
    const auto create = reinterpret_cast<CreateContextAttribs>(
        glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCreateContextAttribsARB")));
    if (!display || !current || !create)
        return false;
    // The same framebuffer configuration: contexts that share objects must
    // be compatible. One configuration, looked up by its id (asking by
    // attributes would sort through all of them).
    int config_id = 0;
    if (glXQueryContext(display, current, GLX_FBCONFIG_ID, &config_id) != Success)
        return false;
    const int config_attributes[] = {GLX_FBCONFIG_ID, config_id, None};
    int count = 0;
    GLXFBConfig* configs = glXChooseFBConfig(display, DefaultScreen(display), config_attributes, &count);
    if (!configs || count < 1) {
        if (configs)
            XFree(configs);
        return false;
    }
    const int context_attributes[] = {
        GLX_CONTEXT_MAJOR_VERSION_ARB, 3,
        GLX_CONTEXT_MINOR_VERSION_ARB, 3,
        GLX_CONTEXT_PROFILE_MASK_ARB, GLX_CONTEXT_CORE_PROFILE_BIT_ARB,
        GLX_CONTEXT_FLAGS_ARB, GLX_CONTEXT_FORWARD_COMPATIBLE_BIT_ARB,
        None,
    };
    // A refusal arrives as an X error, whose default handler ends the process.
    XSync(display, False);
    g_x_error = 0;
    XErrorHandler handler = XSetErrorHandler(NoteXError);
    GLXContext context = create(display, configs[0], current, True, context_attributes);
    XSync(display, False);
    XSetErrorHandler(handler);
    XFree(configs);
    if (!context || g_x_error != 0) {
        if (context)
            glXDestroyContext(display, context);
        return false;
    }
    display_ = display;
    context_ = context;
    return true;
}

bool SharedGlContext::Enter()
{
    if (!context_ || entered_)
        return entered_;
    Display* display = static_cast<Display*>(display_);
    const GLXDrawable draw = glXGetCurrentDrawable();
    const GLXDrawable read = glXGetCurrentReadDrawable();
    GLXContext previous = glXGetCurrentContext();
    // No drawable: GL 3.0+ contexts may be current without one.
    if (!glXMakeContextCurrent(display, None, None, static_cast<GLXContext>(context_)))
        return false;
    draw_ = draw;
    read_ = read;
    previous_ = previous;
    entered_ = true;
    return true;
}

void SharedGlContext::Leave()
{
    if (!entered_)
        return;
    glXMakeContextCurrent(static_cast<Display*>(display_), draw_, read_, static_cast<GLXContext>(previous_));
    entered_ = false;
    previous_ = nullptr;
    draw_ = read_ = 0;
}

void SharedGlContext::Destroy()
{
    if (!context_)
        return;
    Leave();
    glXDestroyContext(static_cast<Display*>(display_), static_cast<GLXContext>(context_));
    context_ = display_ = nullptr;
}

} // namespace ck
