// A published IVR flow instead of the self-service form (setNumberFlowVersion).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../../api/client";
import { FlowsDocument, FlowVersionsDocument, SwitchNumberFlowDocument, type FlowsQuery, type NumberDetailQuery } from "../../gql/graphql";
import { splitErrors } from "../../ui/errors";
import { AppLink } from "../../ui/AppLink";
import { status } from "./fieldStatus";
import { detailKey, type Routing, type Running } from "./routing";

/** Every flow of the account, page after page (the picker searches them by name). */
async function allFlows() {
  const all = [];
  let after: string | null = null;
  for (;;) {
    const page: FlowsQuery["flows"] = (await request(FlowsDocument, { after })).flows;
    all.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return all;
    after = page.pageInfo.endCursor;
  }
}

/** "(本号码使用中)", "(400-600-0002 使用中)": the numbers a version is live on, this one first. */
function versionUse(live: { numberId: string; display: string }[], numberId: string): string {
  const here = live.some((n) => String(n.numberId) === String(numberId));
  const others = live.filter((n) => String(n.numberId) !== String(numberId)).map((n) => n.display);
  const names = [...(here ? ["本号码"] : []), ...others];
  return names.length ? `(${names.join("、")} 使用中)` : "";
}

export function FlowCard({ routing, runsSimple, running, onSwitched }: { routing: Routing; runsSimple: boolean; running: Running | null; onSwitched: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const flows = useQuery({ queryKey: ["portal", "allFlows"], queryFn: allFlows });
  const [flowId, setFlowId] = useState<string | null>(running && !runsSimple ? String(running.flowId) : null);
  const versions = useQuery({
    // The editor's versions panel's key and shape: a version published there shows up here.
    queryKey: ["flowVersions", flowId],
    queryFn: async () => (await request(FlowVersionsDocument, { flowId: flowId! })).flowVersions.edges.map((e) => e.node),
    enabled: Boolean(flowId),
  });
  const [versionId, setVersionId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const runningName = running?.flowName;

  async function switchTo() {
    if (!versionId) {
      setErrors({ versionId: ["请选择要使用的版本"] });
      return;
    }
    setBusy(true);
    try {
      const saved = unwrap((await request(SwitchNumberFlowDocument, { numberId: routing.numberId, versionId })).setNumberFlowVersion);
      setErrors({});
      queryClient.setQueryData(detailKey(routing.numberId), (old: NumberDetailQuery | undefined) => (old ? { ...old, numberRouting: saved } : old));
      message.success("已切换,该号码现在按所选流程接听");
      void queryClient.invalidateQueries({ queryKey: ["flowVersions"] });
      onSwitched();
    } catch (e) {
      const { byField, rest } = splitErrors(e, (err) => (err.field === "versionId" ? "versionId" : null));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="使用语音导航流程" extra={running && !runsSimple ? <Tag color="green">生效中</Tag> : null}>
      <Typography.Paragraph>
        {running && !runsSimple ? (
          <>
            当前使用流程「{runningName ?? `#${running.flowId}`}」第 {running.version} 版。{" "}
            <AppLink to={`/flows/${running.flowId}`}>在编辑器中打开</AppLink>
          </>
        ) : (
          "需要按键菜单(如“查号请拨1”)等复杂接听方式时,可在“语音导航流程”中设计并发布流程,再在这里让号码使用它。简单设置会保留,重新保存简单设置即可切换回来。"
        )}
      </Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="流程">
          <Select
            aria-label="流程"
            placeholder="选择或搜索流程"
            showSearch={{ optionFilterProp: "label" }}
            loading={flows.isPending}
            value={flowId ?? undefined}
            onChange={(v: string) => (setFlowId(v), setVersionId(null), setErrors({}))}
            options={[...(flows.data ?? [])].reverse().map((f) => ({ value: String(f.id), label: f.name }))}
            notFoundContent="还没有流程"
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
        {flowId ? (
          <Form.Item label="版本" {...status(errors.versionId)} extra={<AppLink to={`/flows/${flowId}`}>在编辑器中打开此流程</AppLink>}>
            <Select
              aria-label="版本"
              placeholder={versions.data?.length === 0 ? "该流程还没有发布的版本" : "选择已发布的版本"}
              loading={versions.isPending}
              value={versionId ?? undefined}
              onChange={(v: string) => setVersionId(v)}
              options={[...(versions.data ?? [])].reverse().map((v) => ({
                value: String(v.id),
                label: `第 ${v.version} 版${v.message ? ` · ${v.message}` : ""}${versionUse(v.liveNumbers, routing.numberId)}`,
              }))}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
        ) : null}
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button type="primary" loading={busy} disabled={!flowId} onClick={switchTo}>
          使用此版本
        </Button>
      </Form>
    </Card>
  );
}
