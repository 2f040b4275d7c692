// Applying for a reserved number (R3, R4): company details and document scans in a wizard, then the
// application's state: waiting for review, approved, or rejected with the reason (fix and resubmit), or
// withdrawn. Paths: /applications, /applications/new/:reservationId, /applications/:id(/edit).
import { InboxOutlined, MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Space,
  Spin,
  Steps,
  Typography,
  Upload,
} from "antd";
import type { UploadFile } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiError, request, unwrap, UserErrorsError, type FieldError } from "../api/client";
import { requestWithFiles } from "../api/multipart";
import {
  ApplicantAccountDocument,
  ApplicationDetailDocument,
  HoldForApplicationDocument,
  MyApplicationsDocument,
  NumberCarrierDocument,
  ResubmitApplicationDocument,
  SubmitApplicationDocument,
  WithdrawApplicationDocument,
  type ApplicationFieldsFragment,
  type CompanyInput,
  type DocumentKind,
  type HoldFieldsFragment,
} from "../gql/graphql";
import { dateTime, formatPhone } from "../format";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { match, navigate } from "../router";
import { StatusTag } from "./applicationStatus";
import { TimeOrderSwitch } from "./listOrder";
import { creditCodeProblem } from "./uscc";
import { link } from "../ui/AppLink";
import { Countdown, holdEnd, HOLDS_KEY } from "./holds";
import { errorMessage } from "../ui/errors";

const APPS_KEY = ["myApplications"] as const;
const MAX_BYTES = 10 * 1024 * 1024;

type DocField = "businessLicence" | "legalRepIdFront" | "legalRepIdBack" | "applicationForm" | "networkAccessAgreement";
type DocSpec = { kind: DocumentKind; field: DocField; name: string; hint: string; template?: boolean };

/** R3: the four documents every application needs, then China Telecom's agreement (4008/4009 only). */
const DOCS: DocSpec[] = [
  { kind: "BUSINESS_LICENCE", field: "businessLicence", name: "营业执照副本(带年检)扫描件", hint: "需加盖公司红章" },
  { kind: "LEGAL_REP_ID_FRONT", field: "legalRepIdFront", name: "法人身份证正面扫描件", hint: "需加盖公司红章" },
  { kind: "LEGAL_REP_ID_BACK", field: "legalRepIdBack", name: "法人身份证反面扫描件", hint: "需加盖公司红章" },
  { kind: "APPLICATION_FORM", field: "applicationForm", name: "400标准受理单", hint: "填写完整并加盖公司红章", template: true },
  { kind: "NETWORK_ACCESS_AGREEMENT", field: "networkAccessAgreement", name: "电信400用户入网协议", hint: "电信4008、4009号码需要,加盖公司红章" },
];
const COMPANY_FIELDS = ["companyName", "creditCode", "legalRepName", "contactName", "contactPhone", "boundNumbers"];

type Picked = { file: File; url: string; pdf: boolean };
type CompanyForm = Omit<CompanyInput, "boundNumbers"> & { boundNumbers: string[] };

/** The same content check the service makes (by the file's bytes, not its name), for an answer at once. */
async function checkScan(file: File): Promise<{ pdf: boolean } | string> {
  if (file.size === 0) return "上传的文件为空";
  if (file.size > MAX_BYTES) return "文件超过10MB的大小限制";
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { pdf: true };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || starts([0xff, 0xd8, 0xff])) return { pdf: false };
  return "仅支持PDF、JPG或PNG格式的扫描件";
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ErrorText({ errors }: { errors: FieldError[] }) {
  return errors.length ? <Alert type="error" showIcon title={errors.map((e) => e.message).join(";")} style={{ marginBottom: 16 }} /> : null;
}

/** One document's drop zone: its check message, the upload progress, a preview of what was picked. */
function DocSlot({
  spec,
  picked,
  error,
  progress,
  current,
  templateUrl,
  onPick,
  onRemove,
}: {
  spec: DocSpec;
  /** Where to download a blank (or pre-filled) form to print, sign and seal. */
  templateUrl?: string;
  picked?: Picked;
  error?: string;
  progress: number | null;
  current?: string;
  onPick: (file: File) => void;
  onRemove: () => void;
}) {
  const [pdfOpen, setPdfOpen] = useState(false);
  const fileList: UploadFile[] = picked
    ? [
        {
          uid: spec.field,
          name: picked.file.name,
          size: picked.file.size,
          status: error ? "error" : progress === null ? "done" : progress < 100 ? "uploading" : "done",
          percent: progress ?? undefined,
        },
      ]
    : [];
  return (
    <div role="group" aria-label={spec.name} style={{ marginBottom: 20 }}>
      <Typography.Text strong>{spec.name}</Typography.Text>
      <Typography.Text type="secondary"> ({spec.hint})</Typography.Text>
      {templateUrl ? (
        <div>
          <a href={templateUrl} download>
            下载受理单模板(PDF,已填入企业信息)
          </a>
          <Typography.Text type="secondary">:打印后签字并加盖公司红章,再扫描上传。</Typography.Text>
        </div>
      ) : null}
      {current ? <div><Typography.Text type="secondary">当前文件:{current}(不更换则保留)</Typography.Text></div> : null}
      <Upload.Dragger
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        maxCount={1}
        multiple={false}
        fileList={fileList}
        disabled={progress !== null}
        beforeUpload={(file) => {
          onPick(file);
          return false;
        }}
        onRemove={() => {
          onRemove();
          return true;
        }}
        style={{ marginTop: 8 }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将文件拖到此处上传</p>
        <p className="ant-upload-hint">PDF、JPG或PNG,不超过10MB</p>
      </Upload.Dragger>
      {error ? (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      ) : null}
      {picked && !error ? (
        picked.pdf ? (
          <>
            <Button size="small" onClick={() => setPdfOpen(true)} style={{ marginTop: 8 }} autoInsertSpace={false} aria-label={`预览 ${spec.name}`}>
              预览
            </Button>
            <Modal open={pdfOpen} onCancel={() => setPdfOpen(false)} footer={null} width={900} title={picked.file.name} destroyOnHidden>
              <iframe title={`${spec.name}预览`} src={picked.url} style={{ width: "100%", height: "70vh", border: 0 }} />
            </Modal>
          </>
        ) : (
          <img src={picked.url} alt={`${spec.name}预览`} style={{ display: "block", maxWidth: "100%", maxHeight: 180, marginTop: 8, border: "1px solid #f0f0f0" }} />
        )
      ) : null}
    </div>
  );
}

type WizardProps = {
  numberId: string;
  display: string;
  hold?: HoldFieldsFragment;
  application?: ApplicationFieldsFragment;
};

/** The application wizard: new (for a hold) or the fix of a rejected application (documents optional). */
function Wizard({ numberId, display, hold, application }: WizardProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CompanyForm>();
  const [step, setStep] = useState(0);
  const [docs, setDocs] = useState<Partial<Record<DocField, Picked>>>({});
  const [docErrors, setDocErrors] = useState<Partial<Record<DocField, string>>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const urls = useRef<string[]>([]);
  const carrier = useQuery({ queryKey: ["numberCarrier", numberId], queryFn: async () => (await request(NumberCarrierDocument, { id: numberId })).number });
  const telecom = carrier.data?.carrier === "TELECOM";
  const needed = DOCS.filter((d) => d.kind !== "NETWORK_ACCESS_AGREEMENT" || telecom);
  const resubmit = application !== undefined;

  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  async function pick(spec: DocSpec, file: File) {
    const checked = await checkScan(file);
    const url = URL.createObjectURL(file);
    urls.current.push(url);
    setDocs((d) => ({ ...d, [spec.field]: { file, url, pdf: typeof checked === "object" && checked.pdf } }));
    setDocErrors((e) => ({ ...e, [spec.field]: typeof checked === "string" ? checked : undefined }));
  }

  function remove(spec: DocSpec) {
    setDocs((d) => ({ ...d, [spec.field]: undefined }));
    setDocErrors((e) => ({ ...e, [spec.field]: undefined }));
  }

  async function toDocuments() {
    try {
      await form.validateFields();
      setStep(1);
    } catch {
      /* the form shows what to fix */
    }
  }

  function toReview() {
    const missing: Partial<Record<DocField, string>> = {};
    if (!resubmit) for (const d of needed) if (!docs[d.field]) missing[d.field] = `请上传${d.name}`;
    setDocErrors((e) => ({ ...e, ...missing }));
    if (Object.keys(missing).length === 0 && needed.every((d) => !docErrors[d.field])) setStep(2);
  }

  async function submit() {
    const values = form.getFieldsValue(true) as CompanyForm;
    const company: CompanyInput = { ...values, boundNumbers: (values.boundNumbers ?? []).map((n) => n.trim()).filter(Boolean) };
    const files = Object.fromEntries(
      needed.flatMap((d) => (docs[d.field] ? [[`documents.${d.field}`, docs[d.field]!.file] as const] : [])),
    );
    setErrors([]);
    setProgress(0);
    try {
      const saved = application
        ? unwrap((await requestWithFiles(ResubmitApplicationDocument, { applicationId: application.id, company, documents: {} }, files, setProgress)).resubmitApplication)
        : unwrap((await requestWithFiles(SubmitApplicationDocument, { reservationId: hold!.id, company, documents: {} }, files, setProgress)).submitApplication);
      message.success(resubmit ? "已重新提交,请等待审核" : "申请已提交,请等待审核");
      await queryClient.invalidateQueries({ queryKey: APPS_KEY });
      await queryClient.invalidateQueries({ queryKey: HOLDS_KEY });
      await queryClient.invalidateQueries({ queryKey: ["application", saved.id] });
      navigate(`/applications/${saved.id}`);
    } catch (e) {
      setProgress(null);
      if (!(e instanceof UserErrorsError)) {
        setErrors([{ code: "request", field: null, message: (e as ApiError).message }]);
        return;
      }
      const company = e.errors.filter((err) => err.field && COMPANY_FIELDS.includes(err.field));
      const documents = e.errors.filter((err) => err.field && DOCS.some((d) => d.field === err.field));
      const other = e.errors.filter((err) => !company.includes(err) && !documents.includes(err));
      form.setFields(company.map((err) => ({ name: err.field as keyof CompanyForm, errors: [err.message] })));
      setDocErrors((d) => ({ ...d, ...Object.fromEntries(documents.map((err) => [err.field, err.message])) }));
      setErrors(other);
      if (company.length) setStep(0);
      else if (documents.length) setStep(1);
    }
  }

  const initial: Partial<CompanyForm> = application
    ? {
        companyName: application.companyName,
        creditCode: application.creditCode,
        legalRepName: application.legalRepName,
        contactName: application.contactName,
        contactPhone: formatPhone(application.contactPhone),
        boundNumbers: application.boundNumbers.map(formatPhone),
      }
    : { boundNumbers: [""] };
  const current = (kind: DocumentKind) => application?.documents.find((d) => d.kind === kind && !d.replaced)?.filename;
  const values = Form.useWatch([], form) as CompanyForm | undefined;
  // A new application starts with the company name the account was opened with.
  const account = useQuery({ queryKey: ["applicantAccount"], queryFn: async () => (await request(ApplicantAccountDocument)).me.account, enabled: !resubmit });
  useEffect(() => {
    if (account.data?.name && !form.isFieldTouched("companyName") && !form.getFieldValue("companyName")) form.setFieldsValue({ companyName: account.data.name });
  }, [account.data, form]);
  const templateUrl = useMemo(() => {
    const params = new URLSearchParams({ numberId });
    for (const key of ["companyName", "creditCode", "legalRepName", "contactName", "contactPhone"] as const) {
      const value = values?.[key]?.trim();
      if (value) params.set(key, value);
    }
    for (const bound of values?.boundNumbers ?? []) if (bound?.trim()) params.append("bound", bound.trim());
    return `/templates/application-form.pdf?${params}`;
  }, [numberId, values]);

  return (
    <Card>
      <Typography.Paragraph>
        申请号码 <Typography.Text strong>{display}</Typography.Text>
        {hold ? (
          <>
            ,预占保留至 {holdEnd(hold.expiresAt)},<Countdown iso={hold.expiresAt} />
          </>
        ) : null}
      </Typography.Paragraph>
      <Steps
        current={step}
        size="small"
        // Titles under the icons fit a phone as they are: no switch of layout after a resize.
        responsive={false}
        titlePlacement="vertical"
        style={{ marginBottom: 24 }}
        items={[{ title: "企业信息" }, { title: "上传资料" }, { title: "确认提交" }]}
      />
      <ErrorText errors={errors} />
      <Form form={form} layout="vertical" initialValues={initial} style={{ display: step === 0 ? "block" : "none", maxWidth: 640 }}>
        <Form.Item label="公司名称" name="companyName" rules={[{ required: true, whitespace: true, message: "请填写公司名称" }]}>
          <Input autoComplete="organization" maxLength={200} />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          extra="营业执照上的18位代码"
          normalize={(v: string) => v.toUpperCase()}
          hasFeedback
          // Checked as it is typed (GB 32100-2015 check character); "too short" only once the field is left.
          validateTrigger={["onChange", "onBlur"]}
          rules={[
            { required: true, message: "请填写统一社会信用代码", validateTrigger: "onBlur" },
            {
              validateTrigger: "onChange",
              validator: async (_, v: string | undefined) => {
                const problem = creditCodeProblem(v ?? "", false);
                if (problem) throw new Error(problem);
              },
            },
            {
              validateTrigger: "onBlur",
              validator: async (_, v: string | undefined) => {
                const problem = v ? creditCodeProblem(v, true) : null;
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item label="法人姓名" name="legalRepName" rules={[{ required: true, whitespace: true, message: "请填写法人姓名" }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="联系人姓名" name="contactName" rules={[{ required: true, whitespace: true, message: "请填写联系人姓名" }]}>
          <Input autoComplete="name" maxLength={50} />
        </Form.Item>
        <Form.Item label="联系电话" name="contactPhone" extra="中国大陆手机或固话" rules={[{ required: true, whitespace: true, message: "请填写联系电话" }]}>
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item label="绑定号码" required extra="来电转接到这些号码(仅限中国大陆号码),按顺序振铃" style={{ marginBottom: 0 }}>
          <Form.List name="boundNumbers">
            {(fields, { add, remove }, { errors: listErrors }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: "flex" }}>
                    <Form.Item
                      name={field.name}
                      rules={index === 0 ? [{ required: true, whitespace: true, message: "请至少填写一个绑定号码" }] : []}
                    >
                      <Input aria-label={`绑定号码 ${index + 1}`} inputMode="tel" style={{ width: 240, maxWidth: "60vw" }} />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={`删除绑定号码 ${index + 1}`} />
                    ) : null}
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add("")} icon={<PlusOutlined />} disabled={fields.length >= 30}>
                    添加绑定号码
                  </Button>
                  <Form.ErrorList errors={listErrors} />
                </Form.Item>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Button type="primary" onClick={toDocuments}>
          下一步:上传资料
        </Button>
      </Form>

      <div style={{ display: step === 1 ? "block" : "none", maxWidth: 640 }}>
        <Typography.Paragraph type="secondary">
          请上传清晰的扫描件或照片,每份文件均需加盖公司红章。
          {telecom ? "本号码为中国电信4008/4009号段,还需上传《电信400用户入网协议》。" : null}
          {resubmit ? "只需上传要更换的文件。" : null}
        </Typography.Paragraph>
        {carrier.isPending ? <Spin /> : null}
        {needed.map((spec) => (
          <DocSlot
            key={spec.field}
            spec={spec}
            picked={docs[spec.field]}
            error={docErrors[spec.field]}
            progress={docs[spec.field] ? progress : null}
            current={current(spec.kind)}
            templateUrl={spec.template ? templateUrl : undefined}
            onPick={(file) => pick(spec, file)}
            onRemove={() => remove(spec)}
          />
        ))}
        <Space wrap>
          <Button onClick={() => setStep(0)}>上一步</Button>
          <Button type="primary" onClick={toReview} disabled={carrier.isPending}>
            下一步:确认提交
          </Button>
        </Space>
      </div>

      {step === 2 ? (
        <div style={{ maxWidth: 640 }}>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="申请号码">{display}</Descriptions.Item>
            <Descriptions.Item label="公司名称">{values?.companyName}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{values?.creditCode}</Descriptions.Item>
            <Descriptions.Item label="法人姓名">{values?.legalRepName}</Descriptions.Item>
            <Descriptions.Item label="联系人">
              {values?.contactName} {values?.contactPhone}
            </Descriptions.Item>
            <Descriptions.Item label="绑定号码">{(values?.boundNumbers ?? []).filter(Boolean).join("、")}</Descriptions.Item>
            <Descriptions.Item label="资料">
              {needed.map((d) => (
                <div key={d.field}>
                  {d.name}:{docs[d.field] ? `${docs[d.field]!.file.name}(${size(docs[d.field]!.file.size)})` : current(d.kind) ? `保留 ${current(d.kind)}` : "未上传"}
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
          {progress !== null ? <Progress percent={progress} aria-label="上传进度" style={{ marginBottom: 16 }} /> : null}
          <Space wrap>
            <Button onClick={() => setStep(1)} disabled={progress !== null}>
              上一步
            </Button>
            <Button type="primary" onClick={submit} loading={progress !== null}>
              {resubmit ? "重新提交审核" : "提交申请"}
            </Button>
          </Space>
        </div>
      ) : null}
    </Card>
  );
}

function NewApplication({ reservationId }: { reservationId: string }) {
  const hold = useQuery({ queryKey: ["hold", reservationId], queryFn: async () => (await request(HoldForApplicationDocument, { id: reservationId })).reservation });
  if (hold.isPending) return <Spin />;
  if (hold.isError) return <Alert type="error" showIcon title={errorMessage(hold.error)} />;
  if (!hold.data || !hold.data.active) {
    return (
      <Result
        status="warning"
        title="该预占已结束或不存在"
        subTitle="预占超过两个工作日未提交申请会自动释放,请重新选号。"
        extra={
          <Button type="primary" href="/choose" onClick={link("/choose")}>
            去选号
          </Button>
        }
      />
    );
  }
  return <Wizard numberId={hold.data.numberId} display={hold.data.display} hold={hold.data} />;
}

function useApplication(id: string) {
  return useQuery({
    queryKey: ["application", id],
    queryFn: async () => {
      const data = await request(ApplicationDetailDocument, { id });
      const hold = data.application ? data.reservations.edges.map((e) => e.node).find((r) => r.numberId === data.application!.numberId) : undefined;
      return { application: data.application, hold };
    },
  });
}

function Detail({ id }: { id: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useApplication(id);

  async function withdraw(app: ApplicationFieldsFragment) {
    try {
      unwrap((await request(WithdrawApplicationDocument, { applicationId: app.id })).withdrawApplication);
      message.success(`已撤回 ${app.display} 的申请`);
      await queryClient.invalidateQueries({ queryKey: ["application", id] });
      await queryClient.invalidateQueries({ queryKey: APPS_KEY });
      await queryClient.invalidateQueries({ queryKey: HOLDS_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const app = detail.data.application;
  if (!app) return <Result status="404" title="未找到该申请" />;
  const hold = detail.data.hold;
  const documents = app.documents.filter((d) => !d.replaced);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }} role="group" aria-label="申请状态">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {app.display}
        </Typography.Title>
        <StatusTag status={app.status} />
      </Space>
      {app.status === "SUBMITTED" ? (
        <Alert type="info" showIcon title="申请已提交,等待审核" description={`提交时间 ${dateTime(app.submittedAt)}。审核结果会显示在这里。`} style={{ marginBottom: 16 }} />
      ) : null}
      {app.status === "APPROVED" ? (
        <Alert
          type="success"
          showIcon
          title="审核通过,号码已开通"
          description={
            <span>
              审核时间 {dateTime(app.reviewedAt)}。
              <a href="/numbers" onClick={link("/numbers")}>
                前往我的号码
              </a>
              设置来电转接。
            </span>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {app.status === "REJECTED" ? (
        <Alert
          type="error"
          showIcon
          title={`申请被驳回:${app.rejectReason ?? ""}`}
          description={
            <>
              {hold ? (
                <p style={{ margin: "0 0 8px" }}>
                  号码为您保留至 {holdEnd(hold.expiresAt)},<Countdown iso={hold.expiresAt} />,请在此之前修改后重新提交。
                </p>
              ) : null}
              <Button type="primary" href={`/applications/${app.id}/edit`} onClick={link(`/applications/${app.id}/edit`)}>
                修改后重新提交
              </Button>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {app.status === "WITHDRAWN" ? <Alert type="warning" showIcon title="申请已撤回,号码已释放" style={{ marginBottom: 16 }} /> : null}
      <Card title="企业信息" size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="公司名称">{app.companyName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{app.creditCode}</Descriptions.Item>
          <Descriptions.Item label="法人姓名">{app.legalRepName}</Descriptions.Item>
          <Descriptions.Item label="联系人">
            {app.contactName} {formatPhone(app.contactPhone)}
          </Descriptions.Item>
          <Descriptions.Item label="绑定号码">{app.boundNumbers.map(formatPhone).join("、")}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="已上传资料" size="small" style={{ marginBottom: 16 }}>
        <List
          dataSource={documents}
          renderItem={(d) => (
            <List.Item
              actions={[
                <a key="view" href={`${d.url}?inline=1`} target="_blank" rel="noopener" aria-label={`查看 ${d.kindName}`}>
                  查看
                </a>,
                <a key="download" href={d.url} download aria-label={`下载 ${d.kindName}`}>
                  下载
                </a>,
              ]}
            >
              <List.Item.Meta title={d.kindName} description={`${d.filename}(${size(d.sizeBytes)})`} />
            </List.Item>
          )}
        />
      </Card>
      {app.status === "SUBMITTED" || app.status === "REJECTED" ? (
        <Popconfirm title="撤回申请后号码将被释放,确定撤回?" okText="撤回" cancelText="取消" onConfirm={() => withdraw(app)}>
          <Button danger>撤回申请</Button>
        </Popconfirm>
      ) : null}
    </>
  );
}

function Resubmit({ id }: { id: string }) {
  const detail = useApplication(id);
  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const app = detail.data.application;
  if (!app) return <Result status="404" title="未找到该申请" />;
  if (app.status !== "REJECTED") return <Alert type="info" showIcon title="只有被驳回的申请可以修改后重新提交" />;
  return (
    <>
      <Alert type="error" showIcon title={`驳回原因:${app.rejectReason ?? ""}`} style={{ marginBottom: 16 }} />
      <Wizard numberId={app.numberId} display={app.display} hold={detail.data.hold} application={app} />
    </>
  );
}

function Overview() {
  const [order, setOrder] = useState("-submittedAt");
  const apps = useQuery({
    queryKey: [...APPS_KEY, order],
    queryFn: async () => {
      const data = await request(MyApplicationsDocument, { order });
      return { applications: data.applications.edges.map((e) => e.node), holds: data.reservations.edges.map((e) => e.node) };
    },
    placeholderData: (previous) => previous,
  });
  const waiting = useMemo(() => {
    if (!apps.data) return [];
    const open = new Set(apps.data.applications.filter((a) => a.status === "SUBMITTED" || a.status === "REJECTED").map((a) => a.numberId));
    return apps.data.holds.filter((h) => !open.has(h.numberId));
  }, [apps.data]);

  if (apps.isPending) return <Spin />;
  if (apps.isError) return <Alert type="error" showIcon title={errorMessage(apps.error)} />;
  return (
    <>
      {waiting.length ? (
        <Card title="待提交申请的预占号码" size="small" style={{ marginBottom: 16 }}>
          <List
            dataSource={waiting}
            renderItem={(h) => (
              <List.Item
                actions={[
                  <Button key="apply" type="primary" href={`/applications/new/${h.id}`} onClick={link(`/applications/new/${h.id}`)} autoInsertSpace={false} aria-label={`申请 ${h.display}`}>
                    填写申请
                  </Button>,
                ]}
                style={{ flexWrap: "wrap" }}
              >
                <List.Item.Meta
                  title={h.display}
                  description={
                    <span>
                      保留至 {holdEnd(h.expiresAt)},<Countdown iso={h.expiresAt} />
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card title="我的申请" size="small" extra={<TimeOrderSwitch field="submittedAt" label="申请排序" order={order} onChange={setOrder} />}>
        {apps.data.applications.length === 0 ? (
          <Empty description="还没有开通申请。先选号并预占,再提交申请。" />
        ) : (
          <List
            dataSource={apps.data.applications}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <a key="open" href={`/applications/${a.id}`} onClick={link(`/applications/${a.id}`)} aria-label={`查看 ${a.display} 的申请`}>
                    查看
                  </a>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{a.display}</span>
                      <StatusTag status={a.status} />
                    </Space>
                  }
                  description={
                    <>
                      <div>
                        {a.companyName} · 提交于 {dateTime(a.submittedAt)}
                      </div>
                      {a.status === "REJECTED" ? <Typography.Text type="danger">驳回原因:{a.rejectReason}</Typography.Text> : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}

export default function ApplicationsPage({ path }: PageProps) {
  const fresh = match("/applications/new/:reservationId", path);
  const edit = match("/applications/:id/edit", path);
  const one = match("/applications/:id", path);
  const back = (
    <Button href="/applications" onClick={link("/applications")}>
      返回申请列表
    </Button>
  );
  return (
    <div className="page">
      {fresh ? (
        <>
          <PageTitle title="填写开通申请" extra={back} />
          <NewApplication key={fresh.reservationId} reservationId={fresh.reservationId} />
        </>
      ) : edit ? (
        <>
          <PageTitle title="修改并重新提交" extra={back} />
          <Resubmit key={edit.id} id={edit.id} />
        </>
      ) : one ? (
        <>
          <PageTitle title="开通申请详情" extra={back} />
          <Detail id={one.id} />
        </>
      ) : (
        <>
          <PageTitle
            title="开通申请"
            extra={
              <Button type="primary" href="/choose" onClick={link("/choose")}>
                去选号
              </Button>
            }
          />
          <Overview />
        </>
      )}
    </div>
  );
}
