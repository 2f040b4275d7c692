import { ArrowLeftOutlined, ClusterOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import {
  Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type EdgeChange, type FinalConnectionState, type NodeChange, type NodeTypes, type OnConnectEnd,
} from "@xyflow/react";
import { Alert, App, Badge, Button, Modal, Segmented, Select, Spin, Tabs, Tag, Tooltip, Typography } from "antd";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { request, unwrap, UserErrorsError } from "../api/client";
import { FlowDocument, SaveFlowDraftDocument } from "../gql/graphql";
import { navigate } from "../router";
import { errorMessage } from "../ui/errors";
import type { Viewer } from "../session";
import { FlowNodeView } from "./FlowNodeView";
import { asOneEdit } from "./history";
import { RedoIcon, UndoIcon } from "./icons";
import { layout, startLayoutWorker } from "./layout";
import { useLiveDiagnostics } from "./diagnostics";
import { docToGraph, exitLabel, exitName, exitsOf, graphToDoc, nodeName, typeName, type FlowDoc, type FlowEdge, type FlowNode, type NodeType } from "./model";
import { useNarrowScreen } from "./narrow";
import { useOverlay, type Diagnostic } from "./overlay";
import { flowQuery } from "./preload";
import { DRAG_TYPE, NodePicker, Palette, PICKER_HEIGHT } from "./palette";
import { clearOfOverlays, estimatedSize, freeSpot } from "./placement";
import { ProblemsPanel } from "./ProblemsPanel";
import { PromptsPanel } from "./PromptsPanel";
import { PropertiesPanel } from "./PropertiesPanel";
import { SimulatePanel } from "./SimulatePanel";
import { redo, selection, undo, useEditor } from "./store";
import { VariablesPanel } from "./VariablesPanel";
import { LiveTag, VersionsPanel } from "./VersionsPanel";

const nodeTypes: NodeTypes = { flow: FlowNodeView };
const AUTOSAVE_MS = 800;

const ARIA_LABELS = {
  "node.a11yDescription.default": "按回车或空格选中节点,按 Delete 删除,方向键移动。",
  "node.a11yDescription.keyboardDisabled": "按回车或空格选中节点,按 Delete 删除。",
  "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }: { direction: string; x: number; y: number }) => `节点已向${direction}移动,位置 ${x}, ${y}`,
  "edge.a11yDescription.default": "按回车或空格选中连线,按 Delete 删除。",
  "controls.ariaLabel": "画布控制",
  "controls.zoomIn.ariaLabel": "放大",
  "controls.zoomOut.ariaLabel": "缩小",
  "controls.fitView.ariaLabel": "适应画布",
  "controls.interactive.ariaLabel": "锁定画布",
  "minimap.ariaLabel": "缩略图",
  "handle.ariaLabel": "连接点",
};

const SHORTCUTS: [string, string][] = [
  ["Ctrl + Z", "撤销"],
  ["Ctrl + Shift + Z / Ctrl + Y", "重做"],
  ["Ctrl + C / Ctrl + V", "复制 / 粘贴选中的节点"],
  ["Ctrl + D", "复制一份选中的节点"],
  ["Delete / Backspace", "删除选中的节点或连线"],
  ["Shift + 拖动", "框选多个节点"],
  ["Ctrl + F", "查找节点"],
  ["?", "显示本帮助"],
];

const FIT_VIEW = { maxZoom: 1 };
const DEFAULT_EDGE = { type: "smoothstep" };
const DELETE_KEYS = ["Delete", "Backspace"];
const MULTI_KEYS = ["Control", "Meta"];
const NONE: string[] = [];
const NO_PROBLEMS: Record<string, Diagnostic[]> = {};

type CanvasProps = {
  onConnect?: (c: Connection) => void;
  onConnectEnd?: OnConnectEnd;
  onNodeDragStart?: () => void;
  onNodeDragStop?: () => void;
  onNodeClick?: (event: unknown, node: FlowNode) => void;
  /** For screens too small to edit on: look, pan and zoom, but change nothing. */
  readOnly?: boolean;
};

/**
 * A node's name and its exits' labels ("VIP订单", "输入完成") as one string, so the edges' accessible
 * names follow renames and rule names but a drag (positions only) does not rebuild them.
 */
function edgeNames(n: FlowNode): string {
  return [n.id, nodeName(n), ...exitsOf(n.data).flatMap((x) => [x, exitLabel(n.data, x)])].join("\u0000");
}

function parseEdgeNames(line: string): [string, { name: string; exits: Map<string, string> }] {
  const [id, name, ...rest] = line.split("\u0000");
  const exits = new Map<string, string>();
  for (let i = 0; i + 1 < rest.length; i += 2) exits.set(rest[i], rest[i + 1]);
  return [id, { name, exits }];
}

/**
 * The canvas is the only component that follows the nodes array, which changes on every drag frame:
 * the header, palette and side panels stay still while a node moves. Overlay classes on edges are
 * derived here only when the edges or the overlay change. While a published version is being viewed
 * it draws that version from the overlay instead of the draft, read-only, without the draft's problems
 * or simulated path (they are about the draft's nodes).
 */
const Canvas = memo(function Canvas({ onConnect, onConnectEnd, onNodeDragStart, onNodeDragStop, onNodeClick, readOnly }: CanvasProps) {
  const draftNodes = useEditor((s) => s.nodes);
  const draftEdges = useEditor((s) => s.edges);
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const viewing = useOverlay((s) => s.viewing);
  const path = useOverlay((s) => (s.viewing ? NONE : s.path));
  const step = useOverlay((s) => s.step);
  const byEdge = useOverlay((s) => (s.viewing ? NO_PROBLEMS : s.byEdge));
  const diff = useOverlay((s) => s.diff);
  const ghosts = useOverlay((s) => s.ghosts);
  const flow = useReactFlow();
  const nodes = viewing?.nodes ?? draftNodes;
  const edges = viewing?.edges ?? draftEdges;
  const locked = readOnly || viewing !== null;
  // Names only (strings), so a drag does not rebuild the edges; they name each edge for screen readers.
  const named = useEditor(useShallow((s) => s.nodes.map(edgeNames)));
  const shownNodes = useMemo(() => (ghosts.nodes.length ? [...nodes, ...ghosts.nodes] : nodes), [nodes, ghosts.nodes]);
  // A version comes into view whole, wherever the draft had been panned to.
  const viewingKey = viewing?.key;
  useEffect(() => {
    if (viewingKey) void flow.fitView(FIT_VIEW);
  }, [viewingKey, flow]);
  // Measurements of ghost nodes (and of a viewed version's) go to the overlay; everything else to the draft.
  const onShownNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    if (useOverlay.getState().viewing) return useOverlay.getState().viewingChanges(changes);
    const ghostIds = new Set(useOverlay.getState().ghosts.nodes.map((n) => n.id));
    if (!ghostIds.size) return onNodesChange(changes);
    const isGhost = (c: NodeChange<FlowNode>) => "id" in c && ghostIds.has(c.id);
    const mine = changes.filter((c) => !isGhost(c));
    const theirs = changes.filter(isGhost);
    if (mine.length) onNodesChange(mine);
    if (theirs.length) useOverlay.getState().ghostChanges(theirs);
  }, [onNodesChange]);
  const shownEdges = useMemo(() => {
    const onPath = new Set(path.slice(0, step + 1));
    const ids = new Set(edges.map((e) => e.id));
    const removed = ghosts.edges.filter((e) => !ids.has(e.id)).map((e) => ({ ...e, className: "diff-removed", selectable: false, deletable: false }));
    const names = new Map((viewing ? viewing.nodes.map(edgeNames) : named).map(parseEdgeNames));
    for (const g of ghosts.nodes) if (!names.has(g.id)) names.set(g.id, parseEdgeNames(edgeNames(g))[1]);
    return [...edges, ...removed].map((edge) => {
      const from = names.get(edge.source);
      const exit = edge.sourceHandle ?? "";
      const label = from?.exits.get(exit) ?? edge.label ?? exitName(exit);
      const e = { ...edge, label, ariaLabel: `连线:${from?.name ?? "节点"}的「${label}」连到${names.get(edge.target)?.name ?? "节点"}` };
      const classes = [
        onPath.has(e.source) && onPath.has(e.target) && "on-path",
        byEdge[e.id]?.some((d) => d.severity === "error") && "has-error",
        diff[e.id] && `diff-${diff[e.id]}`,
      ].filter(Boolean).join(" ");
      return classes ? { ...e, className: [e.className, classes].filter(Boolean).join(" ") } : e;
    });
  }, [edges, ghosts.edges, ghosts.nodes, named, viewing, path, step, byEdge, diff]);
  const onShownEdgesChange = useCallback((changes: EdgeChange[]) => {
    if (!useOverlay.getState().viewing) onEdgesChange(changes);
  }, [onEdgesChange]);
  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={shownNodes}
      edges={shownEdges}
      nodeTypes={nodeTypes}
      onNodesChange={onShownNodesChange}
      onEdgesChange={onShownEdgesChange}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      onNodeDragStart={onNodeDragStart}
      onNodeDragStop={onNodeDragStop}
      onNodeClick={onNodeClick}
      nodesDraggable={!locked}
      nodesConnectable={!locked}
      elementsSelectable={!locked}
      deleteKeyCode={locked ? null : DELETE_KEYS}
      multiSelectionKeyCode={MULTI_KEYS}
      selectionKeyCode="Shift"
      ariaLabelConfig={ARIA_LABELS}
      defaultEdgeOptions={DEFAULT_EDGE}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.1}
    >
      <Background />
      {!readOnly && <MiniMap pannable zoomable ariaLabel="缩略图" />}
      <Controls showInteractive={false} />
    </ReactFlow>
  );
});

/** Find a node by name; reads the nodes once when opened (nothing else edits while it is open). */
function NodeSearch({ onPick, onClose }: { onPick: (id: string) => void; onClose: () => void }) {
  const [options] = useState(() =>
    useEditor.getState().nodes.map((n) => ({ value: n.id, label: n.data.label ? `${n.data.label}(${typeName(n.data.kind)})` : nodeName(n) })),
  );
  return (
    <Select autoFocus showSearch open style={{ width: 220 }} aria-label="查找节点" placeholder="输入节点名称" optionFilterProp="label"
      options={options} onChange={onPick} onBlur={onClose} />
  );
}

/**
 * Over the canvas while a published version is on view: what is shown, and the way back to the draft
 * (on a phone, where nothing is edited, shorter: the canvas is small).
 */
function ViewingBanner({ narrow = false }: { narrow?: boolean }) {
  const viewing = useOverlay((s) => s.viewing);
  if (!viewing) return null;
  return (
    <div role="region" aria-label="正在查看的版本" style={{ position: "absolute", top: 8, left: 8, right: 8, zIndex: 5, display: "flex", justifyContent: "center", pointerEvents: "none" }}>
      <Alert type="info" showIcon style={{ pointerEvents: "auto", maxWidth: 640 }}
        title={narrow ? `正在查看${viewing.name},已标出与${viewing.against}相比的改动` : `正在查看${viewing.name}(只读)`}
        description={narrow ? undefined : `画布上标出了与${viewing.against}相比的改动。草稿没有变,返回后可继续编辑。`}
        action={<Button type="primary" size="small" onClick={viewing.leave}>{narrow ? "返回草稿" : "返回编辑草稿"}</Button>} />
    </div>
  );
}

let clipboard: { nodes: FlowNode[]; edges: FlowEdge[] } | null = null;

type SaveState = "saved" | "dirty" | "saving" | "error";

/** A connection dropped on empty canvas: the exit it came from, and where the picker opens. */
type Dropped = { source: string; exit: string; from: string; clientX: number; clientY: number; at: { x: number; y: number } };
const PICKER_SIZE = { width: 170, height: PICKER_HEIGHT };

function Editor({ flowId }: { flowId: string }) {
  const { message, modal } = App.useApp();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const version = useEditor((s) => s.version);
  const { connect, addNode, load, paste, select, setPositions } = useEditor.getState();
  const diagnostics = useOverlay((s) => s.diagnostics);
  const checking = useOverlay((s) => s.checking);
  // Its key and name only: the version's nodes change as they are measured, the editor need not follow.
  const viewingKey = useOverlay((s) => s.viewing?.key);
  const viewingName = useOverlay((s) => s.viewing?.name);
  const viewing = viewingKey !== undefined;
  const [name, setName] = useState("");
  const [loaded, setLoaded] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [help, setHelp] = useState(false);
  const [tab, setTab] = useState("props");
  const [searching, setSearching] = useState(false);
  const [dropped, setDropped] = useState<Dropped | null>(null);
  const [phoneView, setPhoneView] = useState<"view" | "versions" | "simulate">("view");
  const narrow = useNarrowScreen();
  const canvasRef = useRef<HTMLElement>(null);
  const revision = useRef(0);
  const base = useRef<Partial<FlowDoc>>({});
  const savedVersion = useRef(0);
  const saving = useRef<Promise<boolean> | null>(null);
  const dragBefore = useRef<{ nodes: FlowNode[]; edges: FlowEdge[] } | null>(null);

  const applyDoc = useCallback((doc: FlowDoc, rev: number, flowName: string) => {
    base.current = { id: doc.id, name: doc.name, tests: doc.tests ?? [] };
    revision.current = rev;
    setName(flowName);
    const graph = docToGraph(doc);
    load(graph);
    savedVersion.current = useEditor.getState().version;
    useEditor.temporal.getState().clear();
    setSaveState("saved");
  }, [load]);

  const reload = useCallback(async () => {
    const data = (await flowQuery(flowId)).flow;
    if (!data) {
      message.error("流程不存在或无权查看");
      navigate("/flows");
      return;
    }
    applyDoc(data.draft as FlowDoc, data.revision, data.name);
    setLoaded(true);
  }, [flowId, applyDoc, message]);

  useLiveDiagnostics(flowId, loaded, () => {
    const state = useEditor.getState();
    return graphToDoc(state.nodes, state.edges, base.current, state.variables);
  });

  useEffect(() => void startLayoutWorker(), []);

  useEffect(() => {
    void reload();
    return () => {
      useOverlay.setState({ diagnostics: [], byNode: {}, byEdge: {}, path: [], step: -1, diff: {}, ghosts: { nodes: [], edges: [] }, viewing: null });
    };
  }, [reload]);

  /** Save now if anything changed; false when the save failed (a conflict opens its dialog). */
  const flush = useCallback(async (): Promise<boolean> => {
    // One save at a time: saves waiting on the same one go one after another, each on the last's revision.
    while (saving.current) await saving.current;
    const state = useEditor.getState();
    if (state.version === savedVersion.current) return true;
    const target = state.version;
    const doc = graphToDoc(state.nodes, state.edges, base.current, state.variables);
    setSaveState("saving");
    const run = (async () => {
      try {
        const saved = unwrap((await request(SaveFlowDraftDocument, { id: flowId, document: doc, baseRevision: revision.current })).saveFlowDraft);
        revision.current = saved.revision;
        savedVersion.current = target;
        setSaveState(useEditor.getState().version === target ? "saved" : "dirty");
        return true;
      } catch (e) {
        setSaveState("error");
        if (e instanceof UserErrorsError && e.has("conflict")) {
          modal.confirm({
            title: "草稿已被其他人或其他窗口修改",
            content: "在您上次保存之后,这个流程的草稿被另一处保存过。您可以重新加载对方的版本(放弃本页的修改),或者用本页的内容覆盖。",
            okText: "用本页覆盖",
            cancelText: "重新加载",
            onOk: async () => {
              const latest = (await request(FlowDocument, { id: flowId })).flow;
              if (latest) revision.current = latest.revision;
              savedVersion.current = -1;
              await flush();
            },
            onCancel: () => void reload(),
          });
        } else {
          message.error(`保存失败:${errorMessage(e)}`);
        }
        return false;
      }
    })();
    saving.current = run;
    try {
      return await run;
    } finally {
      saving.current = null;
    }
  }, [flowId, modal, message, reload]);

  // Autosave shortly after the last edit.
  useEffect(() => {
    if (!loaded || version === savedVersion.current) return;
    setSaveState("dirty");
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [version, loaded, flush]);

  /** Add a node with its top left at a screen point (a free spot near the middle when none), clear of the minimap. */
  const addAt = useCallback((kind: NodeType, screen?: { x: number; y: number }): string => {
    const size = estimatedSize(kind, flow.getZoom());
    const canvas = canvasRef.current;
    let at = screen;
    if (canvas) at = at ? clearOfOverlays(canvas, at, size) : freeSpot(canvas, size);
    const id = addNode(kind, flow.screenToFlowPosition(at ?? { x: window.innerWidth / 2, y: window.innerHeight / 2 }));
    setTab("props");
    return id;
  }, [flow, addNode]);

  /**
   * A connection dropped on a node's body connects to that node; dropped anywhere else on the canvas
   * (the minimap too), it opens the node picker there. A drop on a handle is xyflow's own (onConnect).
   */
  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid || state.fromHandle?.type !== "source" || !state.fromHandle.id || !state.fromNode) return;
    const source = state.fromNode.id;
    const exit = state.fromHandle.id;
    const point = "changedTouches" in event ? event.changedTouches[0] : event;
    const under = document.elementFromPoint(point.clientX, point.clientY);
    const onNode = under?.closest<HTMLElement>(".react-flow__node")?.dataset.id;
    const target = onNode && useEditor.getState().nodes.find((n) => n.id === onNode);
    if (target) {
      if (target.id !== source && target.data.kind !== "start") connect(source, exit, target.id);
      return;
    }
    const canvas = canvasRef.current;
    if (!canvas || !under || !canvas.contains(under)) return;
    const r = canvas.getBoundingClientRect();
    const node = state.fromNode as unknown as FlowNode;
    setDropped({
      source,
      exit,
      from: `${node.data.label || typeName(node.data.kind)} 的出口「${exitLabel(node.data, exit)}」`,
      clientX: point.clientX,
      clientY: point.clientY,
      at: {
        x: Math.max(0, Math.min(point.clientX - r.left, r.width - PICKER_SIZE.width)),
        y: Math.max(0, Math.min(point.clientY - r.top, r.height - PICKER_SIZE.height)),
      },
    });
  }, [connect]);

  /** The picked node goes where the connection was dropped, its entry at the pointer; one undo removes both. */
  const addConnected = useCallback((kind: NodeType) => {
    if (!dropped) return;
    setDropped(null);
    const size = estimatedSize(kind, flow.getZoom());
    asOneEdit(() => {
      const id = addAt(kind, { x: dropped.clientX, y: dropped.clientY - size.height / 2 });
      connect(dropped.source, dropped.exit, id);
    });
  }, [dropped, flow, addAt, connect]);
  const closePicker = useCallback(() => setDropped(null), []);

  const tidy = useCallback(async () => {
    const started = useEditor.getState().version;
    const state = useEditor.getState();
    const positions = await layout(state.nodes, state.edges, (id) => flow.getInternalNode(id)?.internals.handleBounds);
    if (useEditor.getState().version !== started) {
      message.info("整理期间画布有改动,已放弃这次整理");
      return;
    }
    setPositions(positions);
    window.requestAnimationFrame(() => {
      void flow.fitView({ maxZoom: 1 });
      message.success("布局已整理");
    });
  }, [flow, message, setPositions]);

  // The problems and prompts lists are about the draft: showing one of its nodes ends a version's view.
  const jumpTo = useCallback((id: string) => {
    const node = useEditor.getState().nodes.find((n) => n.id === id);
    if (!node) return;
    useOverlay.getState().viewing?.leave();
    select([id]);
    setTab("props");
    void flow.setCenter(node.position.x + 100, node.position.y + 40, { zoom: 1.2, duration: 300 });
  }, [flow, select]);

  // A version on view is not the draft: nothing selected in the draft stays open beside it.
  useEffect(() => {
    if (viewingKey) select([]);
  }, [viewingKey, select]);

  // Keyboard shortcuts (not while typing in a field, and none that edit on a read-only small screen or
  // while a published version is on view: the draft they would change is out of sight).
  useEffect(() => {
    if (narrow) return;
    function onKey(e: KeyboardEvent) {
      const el = e.target as HTMLElement;
      if (el.closest("input, textarea, [contenteditable=true], .ant-select")) return;
      if (useOverlay.getState().viewing && e.key !== "?") return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === "z" && !e.shiftKey) undo();
      else if (mod && ((key === "z" && e.shiftKey) || key === "y")) redo();
      else if (mod && key === "c") clipboard = selection(useEditor.getState());
      else if (mod && key === "v" && clipboard) paste(clipboard, { x: 40, y: 40 });
      else if (mod && key === "d") paste(selection(useEditor.getState()), { x: 40, y: 40 });
      else if (mod && key === "f") setSearching(true);
      else if (e.key === "?") setHelp(true);
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [paste, narrow]);

  function onDrop(e: DragEvent) {
    const kind = e.dataTransfer.getData(DRAG_TYPE) as NodeType;
    if (!kind || viewing) return;
    e.preventDefault();
    addAt(kind, { x: e.clientX - 90, y: e.clientY - 20 });
  }

  const onConnect = useCallback((c: Connection) => c.sourceHandle && connect(c.source, c.sourceHandle, c.target), [connect]);

  // Drags are one history entry: pause tracking while the node moves, record where it started.
  const onNodeDragStart = useCallback(() => {
    const { nodes: n, edges: e } = useEditor.getState();
    dragBefore.current = { nodes: n, edges: e };
    useEditor.temporal.getState().pause();
  }, []);
  const onNodeDragStop = useCallback(() => {
    window.setTimeout(() => {
      const temporal = useEditor.temporal;
      temporal.getState().resume();
      const before = dragBefore.current;
      dragBefore.current = null;
      if (before) {
        const past = temporal.getState().pastStates;
        temporal.setState({
          pastStates: [...past, { nodes: before.nodes.map((n) => ({ ...n, selected: false })), edges: before.edges }],
          futureStates: [],
        });
      }
      useEditor.setState({ version: useEditor.getState().version + 1 });
    }, 0);
  }, []);

  const errors = useMemo(() => diagnostics.filter((d) => d.severity === "error"), [diagnostics]);
  // A ghost of a diff, or any node of a version on view, is not editable: clicking it keeps the versions tab open.
  const onNodeClick = useCallback((_: unknown, node: FlowNode) => {
    const { ghosts, viewing } = useOverlay.getState();
    if (!viewing && !ghosts.nodes.some((g) => g.id === node.id)) setTab("props");
  }, []);

  const statusText: Record<SaveState, string> = { saved: "已保存", dirty: "有未保存的修改", saving: "正在保存…", error: "保存失败" };
  const addTest = (t: unknown) => {
    base.current = { ...base.current, tests: [...(base.current.tests ?? []), t] };
    savedVersion.current = -1;
    void flush();
  };
  const back = () => void flush().then(() => navigate("/flows"));
  const restoreDraft = (doc: FlowDoc) => {
    const graph = docToGraph(doc);
    base.current = { ...base.current, tests: doc.tests ?? [] };
    useEditor.setState({ nodes: graph.nodes, edges: graph.edges, variables: graph.variables, version: useEditor.getState().version + 1 });
  };

  if (!loaded) return <Spin style={{ margin: 48 }} />;
  if (narrow) {
    return (
      <div className="editor">
        <header className="editor-bar">
          <Button icon={<ArrowLeftOutlined />} aria-label="流程列表" onClick={back} />
          <Typography.Title level={4} ellipsis style={{ margin: 0, flex: 1, minWidth: 0 }}>{name}</Typography.Title>
        </header>
        <Alert type="info" showIcon banner title="编辑流程需要更大的屏幕"
          description="请在宽度至少 768 像素的电脑或平板上修改流程。在这里可以查看流程图、对比版本和模拟来电。" />
        <Segmented block value={phoneView} onChange={setPhoneView} style={{ margin: 8 }}
          options={[{ label: "查看流程", value: "view" }, { label: "对比版本", value: "versions" }, { label: "模拟来电", value: "simulate" }]} />
        {phoneView === "view" && (
          <main className="canvas" aria-label={viewing ? `流程画布:${viewingName}(只读)` : "流程画布(只读)"}>
            <Canvas readOnly />
            <ViewingBanner narrow />
          </main>
        )}
        {/* Kept while the canvas is looked at: the comparison it holds is what the canvas shows. */}
        <div className="editor-phone-pane" hidden={phoneView !== "versions"}>
          <VersionsPanel compareOnly onShowCanvas={() => setPhoneView("view")} flowId={flowId} revision={revision.current} flush={flush} hasErrors={errors.length > 0} restore={restoreDraft} />
        </div>
        {phoneView === "simulate" && <div className="editor-phone-pane"><SimulatePanel flowId={flowId} flush={flush} addTest={addTest} /></div>}
      </div>
    );
  }
  return (
    <div className="editor">
      <header className="editor-bar">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>流程列表</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>{name}</Typography.Title>
        <Tag color={saveState === "saved" ? "green" : saveState === "error" ? "red" : "gold"} role="status">{statusText[saveState]}</Tag>
        <LiveTag flowId={flowId} />
        <div style={{ flex: 1 }} />
        {searching && !viewing ? (
          <NodeSearch onPick={(id) => (jumpTo(id), setSearching(false))} onClose={() => setSearching(false)} />
        ) : (
          <Button disabled={viewing} onClick={() => setSearching(true)}>查找节点</Button>
        )}
        <Tooltip title="撤销 (Ctrl+Z)"><Button icon={<UndoIcon />} aria-label="撤销" disabled={viewing} onClick={undo} /></Tooltip>
        <Tooltip title="重做 (Ctrl+Shift+Z)"><Button icon={<RedoIcon />} aria-label="重做" disabled={viewing} onClick={redo} /></Tooltip>
        <Button icon={<ClusterOutlined />} disabled={viewing} onClick={() => void tidy()}>整理布局</Button>
        <Tooltip title="键盘快捷键 (?)"><Button icon={<QuestionCircleOutlined />} aria-label="键盘快捷键" onClick={() => setHelp(true)} /></Tooltip>
      </header>
      <div className="editor-body">
        <Palette disabled={viewing} onAdd={(kind) => void addAt(kind)} />
        <main ref={canvasRef} className="canvas" onDrop={onDrop} onDragOver={(e) => (e.preventDefault(), (e.dataTransfer.dropEffect = viewing ? "none" : "move"))}
          aria-label={viewing ? `流程画布:${viewingName}(只读)` : "流程画布"}>
          <Canvas onConnect={onConnect} onConnectEnd={onConnectEnd} onNodeDragStart={onNodeDragStart} onNodeDragStop={onNodeDragStop} onNodeClick={onNodeClick} />
          <ViewingBanner />
          {dropped && <NodePicker at={dropped.at} from={dropped.from} onPick={addConnected} onClose={closePicker} />}
        </main>
        <aside className="side" aria-label="侧栏" aria-busy={checking}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            tabBarGutter={12}
            tabBarStyle={{ padding: "0 8px" }}
            items={[
              { key: "props", label: "属性", children: <div className="side-pane"><PropertiesPanel /></div> },
              {
                key: "problems",
                label: <span style={{ marginRight: diagnostics.length ? 10 : 0 }}><Badge count={diagnostics.length} size="small" offset={[8, 0]} color={errors.length ? "red" : "orange"}>问题</Badge></span>,
                children: <div className="side-pane"><ProblemsPanel jumpTo={jumpTo} /></div>,
              },
              { key: "variables", label: "变量", children: <div className="side-pane"><VariablesPanel /></div> },
              { key: "prompts", label: "提示音清单", children: <div className="side-pane"><PromptsPanel jumpTo={jumpTo} /></div> },
              { key: "simulate", label: "模拟来电", children: <div className="side-pane"><SimulatePanel flowId={flowId} flush={flush} addTest={addTest} /></div> },
              { key: "versions", label: "版本", children: <div className="side-pane"><VersionsPanel flowId={flowId} revision={revision.current} flush={flush} hasErrors={errors.length > 0} restore={restoreDraft} /></div> },
            ]}
          />
        </aside>
      </div>
      <Modal open={help} title="键盘快捷键" footer={null} onCancel={() => setHelp(false)}>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map(([k, v]) => (
              <tr key={k}><td><kbd>{k}</kbd></td><td>{v}</td></tr>
            ))}
          </tbody>
        </table>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          不用鼠标也能编辑:在左侧按回车添加节点,在「属性」里用「出口」下拉框连接到下一个节点。
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}

export default function EditorPage({ flowId }: { flowId: string; viewer: Viewer }) {
  return (
    <ReactFlowProvider>
      <Editor flowId={flowId} />
    </ReactFlowProvider>
  );
}
