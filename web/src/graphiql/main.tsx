// GraphiQL built from npm and served by the service: it works without internet (no CDN scripts).
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

async function fetcher(params: unknown): Promise<unknown> {
  const response = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
}

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={"# 先在首页登录,然后试试:\n{\n  me {\n    user { login displayName role }\n  }\n}\n"} />
  </StrictMode>,
);
