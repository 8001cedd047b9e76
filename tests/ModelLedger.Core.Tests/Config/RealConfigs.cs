using System.Text;

namespace ModelLedger.Core.Tests.Config;

/// <summary>Configs shaped like the ones CometAPI-backed services ship: a LiteLLM proxy, Helm values, ASP.NET, compose.</summary>
internal static class RealConfigs
{
    public const string LiteLlm =
        "# LiteLLM proxy\n" +
        "model_list:\n" +
        "  - model_name: report-writer\n" +
        "    litellm_params:\n" +
        "      model: openai/gpt-5.1-2025-11-13   # pinned\n" +
        "      api_base: https://api.cometapi.com/v1\n" +
        "      api_key: os.environ/COMETAPI_API_KEY\n" +
        "  - model_name: search-summarizer\n" +
        "    litellm_params:\n" +
        "      model: \"openai/gemini-2.5-flash\"\n" +
        "      api_base: https://api.cometapi.com/v1\n" +
        "  - model_name: tagger\n" +
        "    litellm_params: { model: 'openai/gpt-4o-mini-2024-07-18', rpm: 60 }\n" +
        "router_settings:\n" +
        "  routing_strategy: simple-shuffle\n";

    public const string HelmValues =
        "common: &common\n" +
        "  replicas: 3\n" +
        "  model: gpt-4o-2024-08-06\n" +
        "deployment:\n" +
        "  <<: *common\n" +
        "  image: registry.example.invalid/app:1\n" +
        "llm:\n" +
        "  model: gpt-5.4-mini-2026-03-17\n" +
        "  fallback: *common\n" +
        "  prompt: |\n" +
        "    gpt-5.4-mini-2026-03-17\n" +
        "  shared: &m gpt-4.1-2025-04-14\n" +
        "  again: *m\n";

    public const string AppSettings =
        "{\n" +
        "  // ASP.NET Core\n" +
        "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\", }, },\n" +
        "  \"Llm\": {\n" +
        "    /* the exact ID */\n" +
        "    \"Chat\": { \"Model\": \"gpt-5.4-mini-2026-03-17\", \"TimeoutSeconds\": 30, },\n" +
        "  },\n" +
        "}\n";

    public const string ComposeEnv =
        "# compose\r\n" +
        "COMPOSE_PROJECT_NAME=ai-batch\r\n" +
        "export SEARCH_SUMMARIZER_MODEL=gemini-2.5-flash  # comment\r\n" +
        "REPORT_WRITER_MODEL=\"gpt-5.1-2025-11-13\"\r\n" +
        "TAGGER_MODEL='gpt-4o-mini-2024-07-18'\r\n" +
        "EMPTY=\r\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
