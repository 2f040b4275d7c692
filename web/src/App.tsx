import { Spin } from "antd";
import { lazy, Suspense, useEffect } from "react";
import { preloadFlow } from "./editor/preload";
import { match, navigate, usePath } from "./router";
import { useViewer } from "./session";

// Every screen is its own chunk: the first download is the shell of the shell.
const LoginPage = lazy(() => import("./pages/LoginPage"));
const SignupPage = lazy(() => import("./pages/SignupPage"));
const Shell = lazy(() => import("./pages/Shell"));
const loadEditor = () => import("./editor/EditorPage");
const EditorPage = lazy(loadEditor);
// A flow opened by its address: the editor's code and the flow load while the session is checked.
const opened = match("/flows/:id", window.location.pathname);
if (opened) {
  void loadEditor();
  preloadFlow(opened.id);
}

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin size="large" tip="加载中…">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

export function App() {
  const path = usePath();
  const viewer = useViewer();
  const signedIn = Boolean(viewer.data?.user);

  useEffect(() => {
    const outside = path === "/login" || path === "/signup";
    if (viewer.isSuccess && !signedIn && !outside) navigate("/login", true);
    if (viewer.isSuccess && signedIn && outside) navigate("/", true);
  }, [viewer.isSuccess, signedIn, path]);

  if (viewer.isPending) return <Loading />;
  if (!signedIn || !viewer.data) {
    return (
      <Suspense fallback={<Loading />}>
        {path === "/signup" ? <SignupPage /> : <LoginPage />}
      </Suspense>
    );
  }

  const editor = match("/flows/:id", path);
  if (editor) {
    return (
      <Suspense fallback={<Loading />}>
        <EditorPage flowId={editor.id} viewer={viewer.data} />
      </Suspense>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <Shell viewer={viewer.data} path={path} />
    </Suspense>
  );
}
