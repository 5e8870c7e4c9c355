// Platform: GLFW window + GL context + ImGui backends, and pixel read-back for
// screenshots. See platform.h.
#include "platform.h"

#include "glx_context.h"

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ck {

// [SECTION] GLFW callbacks
// Installed before ImGui's backend, which chains to them. They only count
// events (so the loop knows to draw) and apply the kiosk's key policy.

namespace {

struct WindowState {
    bool kiosk = true;          // close requests and quit keys ignored
    bool quit = false;          // windowed: Escape / Ctrl+Q pressed
    int events = 0;
    bool damaged = false;       // resized or exposed: the next frame is drawn whatever it holds
    bool left_down = false;
    std::vector<PointerEvent> pointer;   // since the last TakePointerEvents
};

WindowState* StateOf(GLFWwindow* window)
{
    return static_cast<WindowState*>(glfwGetWindowUserPointer(window));
}

void OnAnyEvent(GLFWwindow* window)
{
    if (WindowState* state = StateOf(window))
        state->events++;
}

void OnKey(GLFWwindow* window, int key, int, int action, int mods)
{
    OnAnyEvent(window);
    WindowState* state = StateOf(window);
    if (!state || state->kiosk || action != GLFW_PRESS)
        return;
    const bool ctrl_q = key == GLFW_KEY_Q && (mods & GLFW_MOD_CONTROL);
    const bool alt_f4 = key == GLFW_KEY_F4 && (mods & GLFW_MOD_ALT);
    if (key == GLFW_KEY_ESCAPE || ctrl_q || alt_f4)
        state->quit = true;
}

void OnClose(GLFWwindow* window)
{
    // A kiosk must survive Alt+F4 and window-manager close requests.
    WindowState* state = StateOf(window);
    if (!state || state->kiosk)
        glfwSetWindowShouldClose(window, GLFW_FALSE);
}

void OnMouseButton(GLFWwindow* window, int button, int action, int)
{
    OnAnyEvent(window);
    WindowState* state = StateOf(window);
    if (!state || button != GLFW_MOUSE_BUTTON_LEFT || (action != GLFW_PRESS && action != GLFW_RELEASE))
        return;
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    state->left_down = action == GLFW_PRESS;
    const PointerEventKind kind = action == GLFW_PRESS ? PointerEventKind::Press : PointerEventKind::Release;
    state->pointer.push_back(PointerEvent{kind, float(x), float(y), glfwGetTime()});
}
void OnScroll(GLFWwindow* window, double, double) { OnAnyEvent(window); }
void OnChar(GLFWwindow* window, unsigned int) { OnAnyEvent(window); }
void OnCursor(GLFWwindow* window, double x, double y)
{
    OnAnyEvent(window);
    WindowState* state = StateOf(window);
    if (state && state->left_down)
        state->pointer.push_back(PointerEvent{PointerEventKind::Move, float(x), float(y), glfwGetTime()});
}
void OnDamage(GLFWwindow* window)
{
    OnAnyEvent(window);
    if (WindowState* state = StateOf(window))
        state->damaged = true;
}
void OnFocus(GLFWwindow* window, int) { OnDamage(window); }
void OnSize(GLFWwindow* window, int, int) { OnDamage(window); }
void OnRefresh(GLFWwindow* window) { OnDamage(window); }

void OnGlfwError(int code, const char* message)
{
    std::fprintf(stderr, "carekiosk: GLFW error %d: %s\n", code, message);
}

} // namespace

// [SECTION] Open / close

Platform::~Platform()
{
    Close();
}

bool Platform::Open(const PlatformOptions& options, std::string* error)
{
    return OpenWindow(options, error) && StartImGui(nullptr);
}

bool Platform::Connect(const PlatformOptions& options, std::string* error)
{
    options_ = options;
    if (glfw_ready_)
        return true;
    glfwSetErrorCallback(OnGlfwError);
    // glfwInit opens X's input method, which parses the locale's whole
    // Compose table (~60 M instructions, a sixth of start-up's main thread).
    // The kiosk takes text only from its on-screen keyboard, so no compose
    // sequences: an empty table, unless the administrator chose one.
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    if (!glfwInit()) {
        *error = "cannot open the display (is an X server running and $DISPLAY set?)";
        return false;
    }
    glfw_ready_ = true;
    return true;
}

// Full screen: the primary monitor's mode; otherwise the size asked for, or
// portrait 1080x1920.
void Platform::WindowSize(int* width, int* height, GLFWmonitor** monitor, int* refresh_rate) const
{
    *width = options_.width;
    *height = options_.height;
    *monitor = nullptr;
    *refresh_rate = GLFW_DONT_CARE;
    if (!options_.windowed && !options_.offscreen && glfw_ready_) {
        *monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = *monitor ? glfwGetVideoMode(*monitor) : nullptr;
        if (mode && *width == 0) {
            *width = mode->width;
            *height = mode->height;
            *refresh_rate = mode->refreshRate;
        }
    }
    if (*width <= 0 || *height <= 0) {
        *width = 1080;
        *height = 1920;
    }
}

void Platform::PlannedSize(int* width, int* height) const
{
    GLFWmonitor* monitor = nullptr;
    int refresh_rate = 0;
    WindowSize(width, height, &monitor, &refresh_rate);
}

bool Platform::OpenWindow(const PlatformOptions& options, std::string* error)
{
    if (!Connect(options, error))
        return false;
    if (!CreateWindow(options, error))
        return false;

    glfwMakeContextCurrent(window_);
    if (!gladLoadGL(glfwGetProcAddress)) {
        *error = "cannot load OpenGL 3.3 functions";
        return false;
    }
    glfwSwapInterval(options.offscreen ? 0 : 1);
    if (options.offscreen && !CreateFramebuffer(error))
        return false;
    MeasureDpi();
    return true;
}

bool Platform::StartImGui(ImFontAtlas* atlas)
{
    IMGUI_CHECKVERSION();
    if (!atlas)
        atlas = IM_NEW(ImFontAtlas)();   // ours, not the context's, so ReplaceFontAtlas can swap it
    ImGui::CreateContext(atlas);
    font_atlas_ = atlas;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // nothing a patient did may persist on disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imgui_ready_ = true;
    return true;
}

bool Platform::CreateWindow(const PlatformOptions& options, std::string* error)
{
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);   // stay up when focus moves away
    glfwWindowHint(GLFW_VISIBLE, options.offscreen ? GLFW_FALSE : GLFW_TRUE);
    // ImGui draws flat triangles in order: no depth or stencil test, so no
    // depth-stencil buffer (a software renderer keeps one the size of the
    // screen, 8 MB at 1080 x 1920, in the kiosk's own memory).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);

    GLFWmonitor* monitor = nullptr;
    int width = 0, height = 0, refresh_rate = GLFW_DONT_CARE;
    WindowSize(&width, &height, &monitor, &refresh_rate);
    glfwWindowHint(GLFW_REFRESH_RATE, refresh_rate);
    window_ = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (!window_) {
        *error = "cannot create an OpenGL 3.3 window";
        return false;
    }

    auto* state = new WindowState();
    state->kiosk = !options.windowed && !options.offscreen;
    glfwSetWindowUserPointer(window_, state);
    glfwSetKeyCallback(window_, OnKey);
    glfwSetWindowCloseCallback(window_, OnClose);
    glfwSetMouseButtonCallback(window_, OnMouseButton);
    glfwSetScrollCallback(window_, OnScroll);
    glfwSetCharCallback(window_, OnChar);
    glfwSetCursorPosCallback(window_, OnCursor);
    glfwSetWindowFocusCallback(window_, OnFocus);
    glfwSetFramebufferSizeCallback(window_, OnSize);
    glfwSetWindowRefreshCallback(window_, OnRefresh);
    if (!options.offscreen)
        glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    return true;
}

bool Platform::CreateFramebuffer(std::string* error)
{
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &colour_rb_);
    glBindRenderbuffer(GL_RENDERBUFFER, colour_rb_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, options_.width, options_.height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_rb_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        *error = "cannot create an offscreen framebuffer of that size";
        return false;
    }
    return true;
}

void Platform::MeasureDpi()
{
    dpi_ = 96.0f;
    if (options_.offscreen)
        return;   // screenshots are defined at 96 dpi so they are reproducible
    GLFWmonitor* monitor = glfwGetWindowMonitor(window_);
    if (!monitor)
        monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    int width_mm = 0, height_mm = 0;
    if (monitor)
        glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
    if (!mode || width_mm <= 0)
        return;
    const float dpi = mode->width / (width_mm / 25.4f);
    // Some drivers report nonsense sizes (projectors, virtual displays).
    if (dpi >= 48.0f && dpi <= 600.0f)
        dpi_ = dpi;
}

void Platform::Close()
{
    if (imgui_ready_) {
        if (font_texture_)
            glDeleteTextures(1, &font_texture_);
        font_texture_ = 0;
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        imgui_ready_ = false;
        device_objects_ready_ = false;
    }
    if (font_atlas_) {   // not the context's: it outlives the context
        IM_DELETE(font_atlas_);
        font_atlas_ = nullptr;
    }
    if (window_) {
        if (fbo_) glDeleteFramebuffers(1, &fbo_);
        if (colour_rb_) glDeleteRenderbuffers(1, &colour_rb_);
        fbo_ = colour_rb_ = 0;
        delete StateOf(window_);
        glfwDestroyWindow(window_);
        window_ = nullptr;
    }
    if (glfw_ready_) {
        glfwTerminate();
        glfw_ready_ = false;
    }
}

// [SECTION] Loop

bool Platform::ShouldClose() const
{
    const WindowState* state = StateOf(window_);
    return glfwWindowShouldClose(window_) || (state && state->quit);
}

bool Platform::WaitEvents(double timeout)
{
    if (timeout > 0.0)
        glfwWaitEventsTimeout(timeout);
    else
        glfwPollEvents();
    WindowState* state = StateOf(window_);
    const bool seen = state->events > 0;
    state->events = 0;
    return seen;
}

bool Platform::PollEvents()
{
    return WaitEvents(0.0);
}

std::vector<PointerEvent> Platform::TakePointerEvents()
{
    std::vector<PointerEvent> events;
    events.swap(StateOf(window_)->pointer);
    return events;
}

void Platform::BeginFrame()
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (options_.offscreen) {
        // The hidden window may be clamped by the X screen; the FBO is not.
        io.DisplaySize = ImVec2(float(options_.width), float(options_.height));
        io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    }
    ImGui::NewFrame();
}

// FNV-1a over what a frame draws: vertices, indices, and each command's
// clip rectangle, texture and range.
static uint64_t FrameDigest(const ImDrawData& data, const float clear[3], int width, int height)
{
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* bytes, size_t size) {
        const unsigned char* p = static_cast<const unsigned char*>(bytes);
        for (size_t i = 0; i < size; i++)
            h = (h ^ p[i]) * 1099511628211ull;
    };
    mix(clear, sizeof(float) * 3);
    mix(&width, sizeof width);
    mix(&height, sizeof height);
    for (int n = 0; n < data.CmdListsCount; n++) {
        const ImDrawList* list = data.CmdLists[n];
        mix(list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&cmd.TextureId, sizeof cmd.TextureId);
            mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
            mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    return h == 0 ? 1 : h;
}

void Platform::RenderFrame(float r, float g, float b, bool always)
{
    ImGui::Render();
    if (!options_.offscreen) {
        // On a software renderer drawing and swapping a portrait screen takes
        // 20-90 ms of CPU; the frames that only let an event settle would
        // hold up the next touch that long.
        WindowState* state = StateOf(window_);
        const float clear[3] = {r, g, b};
        const uint64_t digest = FrameDigest(*ImGui::GetDrawData(), clear, Width(), Height());
        drawn_ = always || state->damaged || digest != shown_frame_;
        if (!drawn_)
            return;
        state->damaged = false;
        shown_frame_ = digest;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);   // 0 = the window
    glViewport(0, 0, Width(), Height());
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

static void* GlfwProcAddress(const char* name)
{
    return reinterpret_cast<void*>(glfwGetProcAddress(name));
}

KioskPlatform::GlLoader Platform::GlProcAddress() const
{
    return window_ ? GlfwProcAddress : nullptr;
}

std::unique_ptr<ui::SideGlContext> Platform::MakeSideGlContext()
{
    if (!window_)
        return nullptr;
    auto context = std::make_unique<SharedGlContext>();
    if (!context->Create())
        return nullptr;
    return context;
}

void Platform::Present()
{
    if (!drawn_)
        return;
    if (options_.offscreen)
        glFinish();
    else
        glfwSwapBuffers(window_);
}

void Platform::ReloadFontTexture()
{
    ImGuiIO& io = ImGui::GetIO();
    if (!device_objects_ready_) {
        // Shaders and buffers come from the backend, which also uploads
        // io.Fonts as RGBA (4 bytes a pixel, converted on this thread). Hand
        // it a one-pixel atlas for that; the real one goes up below as one
        // byte a pixel. Left to the backend's first NewFrame, it would upload
        // the real atlas itself (and rebuild it, its pixels being gone).
        ImFontAtlas* real = io.Fonts;
        ImFontAtlas pixel;
        pixel.TexWidth = pixel.TexHeight = 1;
        pixel.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(4));
        pixel.TexPixelsRGBA32[0] = 0xFFFFFFFFu;
        io.Fonts = &pixel;
        // Mesa's GLSL compiler builds its library of built-in functions on
        // a context's first compile and keeps it until that context is
        // destroyed: 7 MB of heap on Mesa 22 for two small shaders. The
        // backend therefore compiles them in a context that shares objects
        // with the window's and is destroyed straight after (2.5 ms to make
        // with GLX; 16 ms through a hidden GLFW window); the program and
        // buffers stay. If that context cannot be made, ours compiles them.
        SharedGlContext compiler;
        compiler.Begin();
        ImGui_ImplOpenGL3_CreateDeviceObjects();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        compiler.End();
        io.Fonts = real;
        device_objects_ready_ = true;
    }
    // Glyphs are coverage only: a red-channel texture whose swizzle reads
    // (1, 1, 1, coverage), what the backend's RGBA upload holds, in a
    // quarter of the memory and with nothing to convert.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (!font_texture_)
        glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
    // The texture holds the pixels now; the atlas's CPU copy is not needed
    // until the next Fonts::Build.
    io.Fonts->ClearTexData();
}

void Platform::ReplaceFontAtlas(ImFontAtlas* atlas)
{
    shown_frame_ = 0;   // a texture name may come back with other pixels
    ImGui::GetIO().Fonts = atlas;
    IM_DELETE(font_atlas_);
    font_atlas_ = atlas;
    ReloadFontTexture();
}

// The drawing area: the offscreen framebuffer's, or the window's.
static void DrawingSize(const PlatformOptions& options, GLFWwindow* window, int* width, int* height)
{
    if (options.offscreen) {
        *width = options.width;
        *height = options.height;
    } else {
        glfwGetFramebufferSize(window, width, height);
    }
}

int Platform::Width() const
{
    int width = 0, height = 0;
    DrawingSize(options_, window_, &width, &height);
    return width;
}

int Platform::Height() const
{
    int width = 0, height = 0;
    DrawingSize(options_, window_, &width, &height);
    return height;
}

void Platform::Wake()
{
    glfwPostEmptyEvent();
}

double Platform::Now() const
{
    return glfwGetTime();
}

// [SECTION] Read-back

bool Platform::ReadPixels(std::vector<unsigned char>* rgba) const
{
    const int width = Width(), height = Height();
    if (width <= 0 || height <= 0)
        return false;
    std::vector<unsigned char> bottom_up(size_t(width) * height * 4);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    if (!fbo_)
        glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    while (glGetError() != GL_NO_ERROR) {
    }   // only errors from the read-back itself count
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    if (glGetError() != GL_NO_ERROR)
        return false;
    // GL's origin is the bottom-left corner; PNG rows go top to bottom.
    rgba->resize(bottom_up.size());
    const size_t row = size_t(width) * 4;
    for (int y = 0; y < height; y++)
        std::copy(bottom_up.begin() + row * (height - 1 - y), bottom_up.begin() + row * (height - y),
                  rgba->begin() + row * y);
    for (size_t i = 3; i < rgba->size(); i += 4)
        (*rgba)[i] = 255;   // the screen is opaque whatever blending left in alpha
    return true;
}

} // namespace ck
