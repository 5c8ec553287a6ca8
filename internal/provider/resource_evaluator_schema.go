package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// evalColumnNamePattern is the API's pattern for an eval column name, of a
// template and of code alike (the API states it for both; the Python SDK
// enforces it on code only). \s admits tabs and newlines, as the server's
// regex presumably does.
var evalColumnNamePattern = regexp.MustCompile(`^[a-zA-Z0-9_\s\-&()]+$`)

func (r *evaluatorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An Arize AX evaluator: reusable evaluation logic in a space, which evaluation tasks run. " +
			"A `TEMPLATE` evaluator is an LLM judge that calls a model through an `arize_ai_integration`; a `CODE` " +
			"evaluator runs one of Arize's managed evaluators or your Python.\n\n" +
			"**Versions are append-only.** Arize keeps every version of an evaluator and never edits one. A change to " +
			"`template` or `code` is planned as an in-place update, and the apply appends exactly one version, recorded " +
			"with `commit_message`; the evaluator's ID never changes, and tasks that do not pin a version run the new one " +
			"at once. Changing `name` or `description` updates the evaluator without a version. Changing `commit_message` " +
			"alone changes nothing in Arize: it is the message of the next version. Changing `space_id` or `type` replaces " +
			"the evaluator.\n\n" +
			"**Drift.** A version made outside Terraform is the evaluator's latest. If its configuration differs from this " +
			"one, the next plan shows the difference, and the apply appends one version that restores this one; if it is " +
			"the same, the plan is empty.\n\n" +
			"**Deleting.** " + descEvaluatorDeletes + " There is no deletion protection: an evaluator's whole history is " +
			"its versions, which the configuration can make again, but tasks must be pointed at the new evaluator's ID.\n\n" +
			"**The judge's model.** Arize does not check that `llm_config.model_name` is one the integration offers. When " +
			"the integration is managed or read in the same configuration with its `model_names` known at plan time, the " +
			"plan warns about a model it does not list; to make that an error, add a `precondition` in a `lifecycle` " +
			"block that checks `contains(arize_ai_integration.<name>.model_names, <model>)`.\n\n" +
			"An evaluator made outside Terraform is imported by its ID or its identity (the ID); `HARNESS` and `REMOTE` " +
			"evaluators cannot be, since Arize's API does not expose their configuration.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: descEvaluatorID,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"space_id": schema.StringAttribute{
				MarkdownDescription: descEvaluatorSpaceID + " Changing it replaces the evaluator, since one cannot move.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: descEvaluatorType + " Changing it replaces the evaluator.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.OneOf(string(arize.EvaluatorTemplate), string(arize.EvaluatorCode)),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: descEvaluatorName + " Renaming it updates the evaluator in place, without a version; a " +
					"name another evaluator of the space has is refused.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.UTF8LengthBetween(1, maxNameChars),
					notBlankValidator{},
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: descEvaluatorDescription + " Changing it updates the evaluator in place, without a version; " +
					"removing it from the configuration clears it.",
				Optional: true,
				Computed: true,
				// Arize answers an evaluator without a description with
				// null, nothing or "": planning "" for an omitted one makes
				// a removed description a planned clear, and every answer
				// for none reads back as "", with no diff.
				Default: stringdefault.StaticString(""),
			},
			"commit_message": schema.StringAttribute{
				MarkdownDescription: "The message the next version is recorded with, when a change to `template` or `code` " +
					"appends one (and the first version's, on create). Defaults to `\"" + defaultCommitMessage + "\"`. " +
					"Changing it alone changes nothing in Arize. It is not read back: after an import it is the default.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(defaultCommitMessage),
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"template": evaluatorTemplateAttribute(),
			"code":     evaluatorCodeAttribute(),
			"current_version_id": schema.StringAttribute{
				MarkdownDescription: descEvaluatorVersionID + " Known after apply when the plan appends a version.",
				Computed:            true,
				// ModifyPlan makes it unknown when the configuration changes.
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"current_version_commit_hash": schema.StringAttribute{
				MarkdownDescription: descEvaluatorCommitHash + " Known after apply when the plan appends a version.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				MarkdownDescription: descEvaluatorCreatedAt,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			// Never kept from state by a plan modifier: an update changes it.
			// ModifyPlan keeps it only when no call to Arize is planned.
			"updated_at": schema.StringAttribute{
				MarkdownDescription: descEvaluatorUpdatedAt,
				Computed:            true,
			},
			"created_by_user_id": schema.StringAttribute{
				MarkdownDescription: descEvaluatorCreatedBy,
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

// evaluatorTemplateAttribute is the template attribute of arize_evaluator:
// the LLM judge, with its defaults and plan-time checks.
func evaluatorTemplateAttribute() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: descEvalTemplate + " Required when `type = \"TEMPLATE\"`, and only then. A change to anything " +
			"in it appends one version.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"eval_column_name": evalColumnNameAttribute(),
			"template": schema.StringAttribute{
				MarkdownDescription: descEvalTemplateText,
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"include_explanations":              optionalBool(descEvalIncludeExplanations, false),
			"use_function_calling_if_available": optionalBool(descEvalUseFunctionCalling, false),
			"use_structured_output":             optionalBool(descEvalUseStructuredOutput, true),
			"classification_choices": schema.MapAttribute{
				MarkdownDescription: descEvalClassificationChoices,
				Required:            true,
				ElementType:         types.Float64Type,
				Validators: []validator.Map{
					mapvalidator.SizeAtLeast(1),
					mapvalidator.KeysAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"direction": schema.StringAttribute{
				MarkdownDescription: descEvalDirection + " " + descEvaluatorSpellings,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(string(arize.DirectionMaximize)),
				Validators:          []validator.String{stringvalidator.OneOf(enumStrings(arize.Directions())...)},
			},
			"data_granularity": schema.StringAttribute{
				MarkdownDescription: descEvalDataGranularity + " `\"SPAN\"` when left out. " + descEvaluatorSpellings,
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(string(arize.GranularitySpan)),
				Validators:          []validator.String{stringvalidator.OneOf(enumStrings(arize.DataGranularities())...)},
			},
			"llm_config": schema.SingleNestedAttribute{
				MarkdownDescription: descEvalLLMConfig,
				Required:            true,
				Attributes: map[string]schema.Attribute{
					"ai_integration_id": schema.StringAttribute{
						MarkdownDescription: descEvalAIIntegrationID,
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"model_name": schema.StringAttribute{
						MarkdownDescription: descEvalModelName,
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"invocation_parameters": invocationParametersAttribute(),
					"provider_parameters":   providerParametersAttribute(),
				},
			},
		},
	}
}

func invocationParametersAttribute() schema.SingleNestedAttribute {
	optionalString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	penalty := func(desc string) schema.Float64Attribute {
		return schema.Float64Attribute{MarkdownDescription: desc, Optional: true, Validators: []validator.Float64{float64validator.Between(-2, 2)}}
	}
	atLeastOne := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: desc, Optional: true, Validators: []validator.Int64{int64validator.AtLeast(1)}}
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: descEvalInvocationParameters,
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"temperature": schema.Float64Attribute{
				MarkdownDescription: descEvalTemperature,
				Optional:            true,
				Validators:          []validator.Float64{float64validator.AtLeast(0)},
			},
			"max_tokens":            atLeastOne(descEvalMaxTokens),
			"max_completion_tokens": atLeastOne(descEvalMaxCompletionTokens),
			"top_p": schema.Float64Attribute{
				MarkdownDescription: descEvalTopP,
				Optional:            true,
				Validators:          []validator.Float64{float64validator.Between(0, 1)},
			},
			"top_k":             atLeastOne(descEvalTopK),
			"frequency_penalty": penalty(descEvalFrequencyPenalty),
			"presence_penalty":  penalty(descEvalPresencePenalty),
			"stop":              nonEmptyStringList(descEvalStop),
			"reasoning_effort":  optionalString(descEvalReasoningEffort),
			"verbosity":         optionalString(descEvalVerbosity),
			"thinking_level":    optionalString(descEvalThinkingLevel),
			// Gemini takes -1 (dynamic) and 0 (off) too: no bound here.
			"thinking_budget": schema.Int64Attribute{MarkdownDescription: descEvalThinkingBudget, Optional: true},
			"response_format": schema.SingleNestedAttribute{
				MarkdownDescription: descEvalResponseFormat,
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{
						MarkdownDescription: descEvalResponseFormatType + " " + descEvaluatorSpellings,
						Optional:            true,
						Validators:          []validator.String{stringvalidator.OneOf(enumStrings(arize.ResponseFormatTypes())...)},
					},
					"json_schema": schema.SingleNestedAttribute{
						MarkdownDescription: descEvalJSONSchema,
						Optional:            true,
						Attributes: map[string]schema.Attribute{
							"name":        optionalString(descEvalJSONSchemaName),
							"description": optionalString(descEvalJSONSchemaDesc),
							"schema_json": jsonStringAttribute(descEvalJSONSchemaJSON),
							"strict":      schema.BoolAttribute{MarkdownDescription: descEvalJSONSchemaStrict, Optional: true},
						},
					},
				},
			},
			"tool_config_json": jsonStringAttribute(descEvalToolConfigJSON),
		},
	}
}

func providerParametersAttribute() schema.SingleNestedAttribute {
	optionalString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: descEvalProviderParameters,
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"azure_params": schema.SingleNestedAttribute{
				MarkdownDescription: descEvalAzureParams,
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"azure_deployment_name": optionalString(descEvalAzureDeployment),
					"azure_openai_endpoint": optionalString(descEvalAzureEndpoint),
					"azure_openai_version":  optionalString(descEvalAzureVersion),
				},
			},
			"anthropic_beta":                nonEmptyStringList(descEvalAnthropicBeta),
			"anthropic_version":             optionalString(descEvalAnthropicVersion),
			"use_bedrock_converse_endpoint": schema.BoolAttribute{MarkdownDescription: descEvalBedrockConverse, Optional: true},
			"region":                        optionalString(descEvalRegion),
		},
	}
}

// evaluatorCodeAttribute is the code attribute of arize_evaluator: exactly
// one of a managed or a custom code evaluator.
func evaluatorCodeAttribute() schema.SingleNestedAttribute {
	variables := schema.ListAttribute{
		MarkdownDescription: descEvalVariables,
		Required:            true,
		ElementType:         types.StringType,
		Validators:          []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
	}
	granularity := schema.StringAttribute{
		MarkdownDescription: descEvalCodeGranularity + " " + descEvaluatorSpellings,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.OneOf(enumStrings(arize.DataGranularities())...)},
	}
	queryFilter := schema.StringAttribute{
		MarkdownDescription: descEvalQueryFilter,
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: descEvalCode + " Required when `type = \"CODE\"`, and only then. A change to anything in it, " +
			"including a switch between `managed` and `custom`, appends one version.",
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"managed": schema.SingleNestedAttribute{
				MarkdownDescription: descEvalManaged,
				Optional:            true,
				Validators: []validator.Object{objectvalidator.ExactlyOneOf(
					path.MatchRelative().AtParent().AtName("custom"),
				)},
				Attributes: map[string]schema.Attribute{
					"eval_column_name": evalColumnNameAttribute(),
					"managed_evaluator": schema.StringAttribute{
						MarkdownDescription: descEvalManagedEvaluator + " " + descEvaluatorSpellings,
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(enumStrings(arize.ManagedEvaluators())...)},
					},
					"variables":        variables,
					"static_params":    staticParamsAttribute(),
					"data_granularity": granularity,
					"query_filter":     queryFilter,
				},
			},
			"custom": schema.SingleNestedAttribute{
				MarkdownDescription: descEvalCustom,
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"eval_column_name": evalColumnNameAttribute(),
					"code": schema.StringAttribute{
						MarkdownDescription: descEvalCodeSource,
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"imports": schema.StringAttribute{
						MarkdownDescription: descEvalImports,
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"variables":        variables,
					"static_params":    staticParamsAttribute(),
					"data_granularity": granularity,
					"query_filter":     queryFilter,
				},
			},
		},
	}
}

func staticParamsAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: descEvalStaticParams + " Leave it out for none.",
		Optional:            true,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
		NestedObject: schema.NestedAttributeObject{
			Validators: []validator.Object{staticParamValidator{}},
			Attributes: map[string]schema.Attribute{
				"name": schema.StringAttribute{
					MarkdownDescription: descEvalStaticParamName,
					Required:            true,
					Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				},
				"type": schema.StringAttribute{
					MarkdownDescription: descEvalStaticParamType,
					Required:            true,
					Validators: []validator.String{stringvalidator.OneOf(
						string(arize.StaticParamString), string(arize.StaticParamStringArray), string(arize.StaticParamRegex))},
				},
				"value": schema.StringAttribute{
					MarkdownDescription: descEvalStaticValue + " Required for those, and refused for `\"STRING_ARRAY\"`.",
					Optional:            true,
				},
				"values": schema.ListAttribute{
					MarkdownDescription: descEvalStaticValues + " Required for it, and refused for the other types.",
					Optional:            true,
					ElementType:         types.StringType,
				},
			},
		},
	}
}

func evalColumnNameAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: descEvalColumnName,
		Required:            true,
		Validators: []validator.String{stringvalidator.RegexMatches(evalColumnNamePattern,
			"must be letters, digits, white space, _, -, &, ( and ) only")},
	}
}

// optionalBool is a bool that takes def when left out.
func optionalBool(desc string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Optional: true, Computed: true, Default: booldefault.StaticBool(def)}
}

// nonEmptyStringList is an optional list of strings that is left out rather
// than empty: Arize answers an empty one as none, which would read back as
// null.
func nonEmptyStringList(desc string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: desc + " Leave it out for none.",
		Optional:            true,
		ElementType:         types.StringType,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
	}
}

// jsonStringAttribute is a JSON document given as a string, compared as
// JSON.
func jsonStringAttribute(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		CustomType:          normalizedJSONType{},
		Validators:          []validator.String{jsonValidator{}},
	}
}

// evaluatorConfigDataSourceAttributes are the template and code attributes
// as a data source shows them: the resource's, every one computed, with the
// same descriptions less what applies only to managing one.
func evaluatorConfigDataSourceAttributes() map[string]dsschema.Attribute {
	return map[string]dsschema.Attribute{
		"template": dataSourceObject(evaluatorTemplateAttribute(), descEvalTemplate+" Null unless `type` is `\"TEMPLATE\"`."),
		"code":     dataSourceObject(evaluatorCodeAttribute(), descEvalCode+" Null unless `type` is `\"CODE\"`."),
	}
}

// dataSourceObject is the nested attribute a as a data source's, described
// by desc.
func dataSourceObject(a schema.SingleNestedAttribute, desc string) dsschema.SingleNestedAttribute {
	return dsschema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true, Attributes: dataSourceAttributes(a.Attributes)}
}

// dataSourceAttribute is a resource attribute as a data source's: computed,
// with its description and type, without validators, defaults or plan
// modifiers. It knows the kinds of attribute the evaluator's configuration
// uses.
func dataSourceAttribute(a schema.Attribute) dsschema.Attribute {
	switch a := a.(type) {
	case schema.StringAttribute:
		return dsschema.StringAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive}
	case schema.BoolAttribute:
		return dsschema.BoolAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true}
	case schema.Int64Attribute:
		return dsschema.Int64Attribute{MarkdownDescription: a.MarkdownDescription, Computed: true}
	case schema.Float64Attribute:
		return dsschema.Float64Attribute{MarkdownDescription: a.MarkdownDescription, Computed: true}
	case schema.ListAttribute:
		return dsschema.ListAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true, ElementType: a.ElementType}
	case schema.MapAttribute:
		return dsschema.MapAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true, ElementType: a.ElementType}
	case schema.SingleNestedAttribute:
		return dsschema.SingleNestedAttribute{MarkdownDescription: a.MarkdownDescription, Computed: true, Attributes: dataSourceAttributes(a.Attributes)}
	case schema.ListNestedAttribute:
		return dsschema.ListNestedAttribute{
			MarkdownDescription: a.MarkdownDescription,
			Computed:            true,
			NestedObject:        dsschema.NestedAttributeObject{Attributes: dataSourceAttributes(a.NestedObject.Attributes)},
		}
	}
	panic(fmt.Sprintf("dataSourceAttribute: %T is not handled", a))
}

func dataSourceAttributes(in map[string]schema.Attribute) map[string]dsschema.Attribute {
	out := make(map[string]dsschema.Attribute, len(in))
	for name, a := range in {
		out[name] = dataSourceAttribute(a)
	}
	return out
}
