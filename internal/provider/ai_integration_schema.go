package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

func (r *aiIntegrationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Arize AX AI integration: the stored credentials and settings that let Arize's playground, " +
			"evaluators and online tasks call an LLM provider (OpenAI, Azure OpenAI, AWS Bedrock, Vertex AI, Anthropic, " +
			"NVIDIA NIM, Gemini or a custom OpenAI-compatible endpoint).\n\n" +
			"The LLM provider's API key is `api_key`, a write-only attribute: Terraform sends it to Arize and never stores it in " +
			"the plan or the state. This needs Terraform or OpenTofu 1.11 or later. Change `api_key_version` to send a new key.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The integration's ID, an opaque base64 string assigned by Arize.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The integration's name, unique within the Arize account.",
				Required:            true,
				Validators:          nonEmpty,
			},
			"ai_provider": schema.StringAttribute{
				MarkdownDescription: "The LLM provider, the API's `provider` field: one of " + quotedList(providerValues()) +
					". Changing it replaces the integration, as Arize recommends.",
				Required:      true,
				Validators:    []validator.String{stringvalidator.OneOf(providerValues()...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"api_key": schema.StringAttribute{
				MarkdownDescription: "The LLM provider's API key. **Write-only**: sent to Arize on create, and on update only when " +
					"`api_key_version` changes; never stored in the plan or the state. Needs Terraform or OpenTofu 1.11 or later.",
				Optional:   true,
				Sensitive:  true,
				WriteOnly:  true,
				Validators: nonEmpty,
			},
			"api_key_version": schema.StringAttribute{
				MarkdownDescription: "Any string. Changing it sends the current `api_key` to Arize again: that is how a key is rotated. " +
					"Changing it while `api_key` is unset removes the stored key. After an import the version is unknown, so the " +
					"first apply with one set sends the key once.",
				Optional: true,
			},
			"has_api_key": schema.BoolAttribute{
				MarkdownDescription: "Whether Arize holds an API key for this integration. If the key was removed outside " +
					"Terraform while `api_key` is set, the next apply sends it again.",
				Computed: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: "A custom base URL for the provider's API, such as an Azure OpenAI resource or a proxy. " +
					"Must be an absolute `http://` or `https://` URL.",
				Optional:   true,
				Validators: []validator.String{httpURLValidator{}},
			},
			"model_names": schema.ListAttribute{
				MarkdownDescription: "The models this integration offers, in order. AWS Bedrock and Vertex AI need either this " +
					"or `enable_default_models = true`.",
				Optional:    true,
				ElementType: types.StringType,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"headers": schema.MapAttribute{
				MarkdownDescription: fmt.Sprintf("Extra HTTP headers Arize sends to the provider. Sensitive, since with "+
					"`auth_type = \"proxy_with_headers\"` they carry credentials. At most %d bytes serialised as JSON.", arize.MaxHeadersBytes),
				Optional:    true,
				Sensitive:   true,
				ElementType: types.StringType,
				Validators: []validator.Map{
					mapvalidator.SizeAtLeast(1),
					mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1)),
					headersSizeValidator{},
				},
			},
			"enable_default_models": schema.BoolAttribute{
				MarkdownDescription: "Whether to offer the provider's default model list. Defaults to `false`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
			},
			"function_calling_enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether function (tool) calling is enabled. Defaults to `true`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"auth_type": schema.StringAttribute{
				MarkdownDescription: "How Arize authenticates to the provider: one of " + quotedList(authTypeValues()) +
					". Defaults to `\"default\"`.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(string(arize.AuthTypeDefault)),
				Validators: []validator.String{stringvalidator.OneOf(authTypeValues()...)},
			},
			"provider_metadata": schema.SingleNestedAttribute{
				MarkdownDescription: "Provider-specific settings: exactly one of `aws` (only with `ai_provider = \"awsBedrock\"`) " +
					"or `gcp` (only with `ai_provider = \"vertexAI\"`).",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"aws": schema.SingleNestedAttribute{
						MarkdownDescription: "The IAM role Arize assumes to call AWS Bedrock.",
						Optional:            true,
						Validators: []validator.Object{objectvalidator.ExactlyOneOf(
							path.MatchRelative().AtParent().AtName("gcp"),
						)},
						Attributes: map[string]schema.Attribute{
							"role_arn": schema.StringAttribute{
								MarkdownDescription: "The ARN of the role to assume.",
								Required:            true,
								Validators:          nonEmpty,
							},
							"external_id": schema.StringAttribute{
								MarkdownDescription: "The external ID the role's trust policy requires, if any.",
								Optional:            true,
								Validators:          nonEmpty,
							},
						},
					},
					"gcp": schema.SingleNestedAttribute{
						MarkdownDescription: "The Google Cloud project that serves Vertex AI.",
						Optional:            true,
						Attributes: map[string]schema.Attribute{
							"project_id": schema.StringAttribute{
								MarkdownDescription: "The Google Cloud project ID.",
								Required:            true,
								Validators:          nonEmpty,
							},
							"location": schema.StringAttribute{
								MarkdownDescription: "The Vertex AI location, such as `us-central1`.",
								Required:            true,
								Validators:          nonEmpty,
							},
							"project_access_label": schema.StringAttribute{
								MarkdownDescription: "The label Arize shows for this project access.",
								Required:            true,
								Validators:          nonEmpty,
							},
						},
					},
				},
			},
			"scopings": schema.ListNestedAttribute{
				MarkdownDescription: "Where the integration can be used. Omit it, or leave it empty, for the whole account; " +
					"each entry names an organization, and optionally one space in it.",
				Optional: true,
				Computed: true,
				Default:  listdefault.StaticValue(types.ListValueMust(scopingObjectType, []attr.Value{})),
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"organization_id": schema.StringAttribute{
							MarkdownDescription: "The organization's ID.",
							Required:            true,
							Validators:          nonEmpty,
						},
						"space_id": schema.StringAttribute{
							MarkdownDescription: "A space's ID within the organization; omit it for the whole organization.",
							Optional:            true,
							Validators:          nonEmpty,
						},
					},
				},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: "When the integration was created (RFC 3339).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"updated_at": schema.StringAttribute{
				MarkdownDescription: "When the integration was last updated (RFC 3339).",
				Computed:            true,
			},
			"created_by_user_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the Arize user who created the integration.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func providerValues() []string {
	var out []string
	for _, p := range arize.Providers() {
		out = append(out, string(p))
	}
	return out
}

func authTypeValues() []string {
	var out []string
	for _, a := range arize.AuthTypes() {
		out = append(out, string(a))
	}
	return out
}

func quotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`\"" + v + "\"`"
	}
	return strings.Join(quoted, ", ")
}
