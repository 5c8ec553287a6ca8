package provider

import (
	"context"

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
				MarkdownDescription: descID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descName,
				Required:            true,
				Validators:          nonEmpty,
			},
			"ai_provider": schema.StringAttribute{
				MarkdownDescription: descAIProvider + " " + descSpellings + " Changing it to another provider replaces the integration, as Arize recommends.",
				Required:            true,
				CustomType:          enumType{},
				Validators:          []validator.String{stringvalidator.OneOf(providerValues()...)},
				PlanModifiers:       []planmodifier.String{keepStateSpelling{}, stringplanmodifier.RequiresReplace()},
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
				MarkdownDescription: descHasAPIKey + " If the key was removed outside Terraform while `api_key` is set, " +
					"the next apply sends it again.",
				Computed: true,
			},
			"base_url": schema.StringAttribute{
				MarkdownDescription: descBaseURL + " Must be an absolute `http://` or `https://` URL.",
				Optional:            true,
				Validators:          []validator.String{httpURLValidator{}},
			},
			"model_names": schema.ListAttribute{
				MarkdownDescription: descModelNames + " AWS Bedrock and Vertex AI need either this or `enable_default_models = true`.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					uniqueKnownValuesValidator{},
					listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"headers": schema.MapAttribute{
				MarkdownDescription: descHeaders,
				Optional:            true,
				Sensitive:           true,
				ElementType:         types.StringType,
				Validators: []validator.Map{
					mapvalidator.SizeAtLeast(1),
					mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1)),
					headersSizeValidator{},
				},
			},
			"enable_default_models": schema.BoolAttribute{
				MarkdownDescription: descEnableDefaultModels + " Defaults to `false`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(false),
			},
			"function_calling_enabled": schema.BoolAttribute{
				MarkdownDescription: descFunctionCalling + " Defaults to `true`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"auth_type": schema.StringAttribute{
				MarkdownDescription: descAuthType + " Defaults to `\"" + string(arize.AuthTypeDefault) + "\"`.",
				Optional:            true,
				Computed:            true,
				CustomType:          enumType{},
				Default:             stringdefault.StaticString(string(arize.AuthTypeDefault)),
				Validators:          []validator.String{stringvalidator.OneOf(authTypeValues()...)},
				PlanModifiers:       []planmodifier.String{keepStateSpelling{}},
			},
			"provider_metadata": schema.SingleNestedAttribute{
				MarkdownDescription: "Provider-specific settings: exactly one of `aws` (only with `ai_provider = \"AWS_BEDROCK\"`) " +
					"or `gcp` (only with `ai_provider = \"VERTEX_AI\"`).",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"aws": schema.SingleNestedAttribute{
						MarkdownDescription: descAWS,
						Optional:            true,
						Validators: []validator.Object{objectvalidator.ExactlyOneOf(
							path.MatchRelative().AtParent().AtName("gcp"),
						)},
						Attributes: map[string]schema.Attribute{
							"role_arn": schema.StringAttribute{
								MarkdownDescription: descRoleARN,
								Required:            true,
								Validators:          nonEmpty,
							},
							"external_id": schema.StringAttribute{
								MarkdownDescription: descExternalID,
								Optional:            true,
								Validators:          nonEmpty,
							},
						},
					},
					"gcp": schema.SingleNestedAttribute{
						MarkdownDescription: descGCP,
						Optional:            true,
						Attributes: map[string]schema.Attribute{
							"project_id": schema.StringAttribute{
								MarkdownDescription: descProjectID,
								Required:            true,
								Validators:          nonEmpty,
							},
							"location": schema.StringAttribute{
								MarkdownDescription: descLocation,
								Required:            true,
								Validators:          nonEmpty,
							},
							"project_access_label": schema.StringAttribute{
								MarkdownDescription: descProjectAccessLabel,
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
				Optional:   true,
				Computed:   true,
				Default:    listdefault.StaticValue(types.ListValueMust(scopingObjectType, []attr.Value{})),
				Validators: []validator.List{uniqueKnownValuesValidator{}},
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"organization_id": schema.StringAttribute{
							MarkdownDescription: descOrganizationID,
							Required:            true,
							Validators:          nonEmpty,
						},
						"space_id": schema.StringAttribute{
							MarkdownDescription: descSpaceID,
							Optional:            true,
							Validators:          nonEmpty,
						},
					},
				},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"updated_at": schema.StringAttribute{
				MarkdownDescription: descUpdatedAt,
				Computed:            true,
			},
			"created_by_user_id": schema.StringAttribute{
				MarkdownDescription: descCreatedByUserID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}
