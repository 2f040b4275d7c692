// /numbers/:id: one number's facts and the cards that set its routing.
import { useQuery } from "@tanstack/react-query";
import { Alert, Col, Radio, Result, Row, Skeleton, Space, Tag } from "antd";
import { useState, type ReactNode } from "react";
import { request } from "../../api/client";
import { MissedCallSmsCard } from "../MissedCallSmsCard";
import { format400 } from "../../format";
import { NumberDetailDocument } from "../../gql/graphql";
import { PageTitle } from "../../ui/PageTitle";
import { AppLink } from "../../ui/AppLink";
import { AreasCard } from "./AreasCard";
import { CallerListCard } from "./CallerListCard";
import { CategoriesCard } from "./CategoriesCard";
import { FlowCard } from "./FlowCard";
import { SimpleRoutingCard } from "./SimpleRoutingCard";
import { WhatHappensCard } from "./WhatHappensCard";
import { detailKey, IN_SERVICE, packageText, STATUS_COLOR, useRunningVersion } from "./routing";

type Mode = "simple" | "flow";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <span style={{ color: "#595959" }}>{label}:</span>
      {children}
    </div>
  );
}

export function NumberDetail({ id }: { id: string }) {
  const detail = useQuery({ queryKey: detailKey(id), queryFn: () => request(NumberDetailDocument, { id }) });
  const routing = detail.data?.numberRouting ?? null;
  const number = detail.data?.number ?? null;
  const running = useRunningVersion(routing?.flowVersionId ?? null);
  const simpleFlowId = (routing?.simple as { flowId?: unknown } | null)?.flowId;
  const runsSimple = Boolean(routing?.flowVersionId && simpleFlowId != null && running.data && String(running.data.flowId) === String(simpleFlowId));
  const currentMode: Mode = !routing?.flowVersionId || runsSimple ? "simple" : "flow";
  const [chosen, setChosen] = useState<Mode | null>(null);
  const mode = chosen ?? currentMode;

  const back = <AppLink to="/numbers">‹ 返回我的号码</AppLink>;
  const loadingTitle = <PageTitle title="号码设置" extra={back} />;
  if (detail.isPending || (routing?.flowVersionId && running.isPending)) {
    return (
      <div className="page">
        {loadingTitle}
        <Skeleton active />
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="page">
        {loadingTitle}
        <Alert type="error" showIcon title={detail.error.message} />
      </div>
    );
  }
  if (!number || !routing) {
    return (
      <div className="page">
        {loadingTitle}
        <Result status="404" title="未找到该号码" subTitle="号码不存在,或不属于您的账户。" />
      </div>
    );
  }
  const inService = IN_SERVICE.has(number.status);
  return (
    <div className="page">
      <PageTitle
        title={format400(number.number)}
        extra={
          <>
            <Tag color={STATUS_COLOR[number.status]}>{number.statusName}</Tag>
            {back}
          </>
        }
      />
      {/* Wraps by CSS alone: a layout switched by script would overflow a phone until it re-renders. */}
      <div style={{ display: "flex", flexWrap: "wrap", gap: "4px 32px", marginBottom: 16 }}>
        <Fact label="运营商">{number.carrierName}</Fact>
        <Fact label="线路套餐">{packageText(routing)}</Fact>
        <Fact label="当前接听方式" testId="answering">
          {!routing.flowVersionId ? "尚未设置" : runsSimple ? "简单设置" : `语音导航流程「${running.data?.flowName ?? ""}」第 ${running.data?.version ?? "?"} 版`}
        </Fact>
      </div>
      {!inService ? (
        <Alert type="info" showIcon title="号码开通后即可设置接听方式。" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              {!routing.flowVersionId ? <Alert type="warning" showIcon title="该号码还没有设置接听方式,来电无法接通。请填写下面的设置并保存。" /> : null}
              <Space wrap>
                <span id="mode-label">接听方式:</span>
                <Radio.Group
                  aria-labelledby="mode-label"
                  optionType="button"
                  buttonStyle="solid"
                  value={mode}
                  onChange={(e) => setChosen(e.target.value as Mode)}
                  options={[
                    { value: "simple", label: "简单设置" },
                    { value: "flow", label: "语音导航流程" },
                  ]}
                />
              </Space>
              {mode === "simple" ? (
                <SimpleRoutingCard routing={routing} active={runsSimple} replacing={routing.flowVersionId && !runsSimple ? (running.data ?? null) : null} onSaved={() => setChosen(null)} />
              ) : (
                <FlowCard routing={routing} runsSimple={runsSimple} running={running.data ?? null} onSwitched={() => setChosen(null)} />
              )}
              <CallerListCard routing={routing} />
              <AreasCard routing={routing} />
              <CategoriesCard routing={routing} />
              <MissedCallSmsCard numberId={routing.numberId} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <WhatHappensCard routing={routing} runsSimple={runsSimple} />
          </Col>
        </Row>
      )}
    </div>
  );
}
