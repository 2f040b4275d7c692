import { Spin } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { preloadFlow } from "./editor/preload";
import { match, navigate, usePath } from "./router";
import { useViewer, type Viewer } from "./session";

// Every screen is its own chunk: the first download is the shell of the shell.
const LoginPage = lazy(() => import("./pages/LoginPage"));
const SignupPage = lazy(() => import("./pages/SignupPage"));
const Shell = lazy(() => import("./pages/Shell"));
let editorModule: typeof import("./editor/EditorPage") | undefined;
const loadEditor = () => import("./editor/EditorPage").then((m) => (editorModule = m));
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

/**
 * The editor's chunk, loaded without React.lazy: a lazy component suspends at its first render even when
 * its code is already here (as it is for a flow opened by its address), and React then holds the editor
 * back for its Suspense throttle, a third of a second.
 */
function EditorHost({ flowId, viewer }: { flowId: string; viewer: Viewer }) {
  const [module, setModule] = useState(editorModule);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!module) loadEditor().then(setModule, () => setFailed(true));
  }, [module]);
  if (failed) {
    return (
      <p role="alert" style={{ padding: 48, textAlign: "center" }}>
        流程编辑器加载失败,请检查网络后<a href={window.location.pathname}>刷新页面</a>重试。
      </p>
    );
  }
  return module ? <module.default flowId={flowId} viewer={viewer} /> : <Loading />;
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
    return <EditorHost flowId={editor.id} viewer={viewer.data} />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <Shell viewer={viewer.data} path={path} />
    </Suspense>
  );
}
