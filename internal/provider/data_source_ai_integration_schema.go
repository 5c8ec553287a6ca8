package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// integrationDataSourceAttributes are an integration's attributes as data
// sources expose them: everything the API returns, all computed. headers
// stays sensitive.
func integrationDataSourceAttributes() map[string]schema.Attribute {
	computedString := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	computedEnum := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc + " " + descSpeltAsAnswered, Computed: true, CustomType: enumType{}}
	}
	computedBool := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
	}
	return map[string]schema.Attribute{
		"id":                       computedString(descID),
		"name":                     computedString(descName),
		"ai_provider":              computedEnum(descAIProvider),
		"has_api_key":              computedBool(descHasAPIKey),
		"base_url":                 computedString(descBaseURL),
		"model_names":              schema.ListAttribute{MarkdownDescription: descModelNames, Computed: true, ElementType: types.StringType},
		"headers":                  schema.MapAttribute{MarkdownDescription: descHeaders, Computed: true, Sensitive: true, ElementType: types.StringType},
		"enable_default_models":    computedBool(descEnableDefaultModels),
		"function_calling_enabled": computedBool(descFunctionCalling),
		"auth_type":                computedEnum(descAuthType),
		"provider_metadata": schema.SingleNestedAttribute{
			MarkdownDescription: descProviderMetadata,
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"aws": schema.SingleNestedAttribute{
					MarkdownDescription: descAWS,
					Computed:            true,
					Attributes: map[string]schema.Attribute{
						"role_arn":    computedString(descRoleARN),
						"external_id": computedString(descExternalID),
					},
				},
				"gcp": schema.SingleNestedAttribute{
					MarkdownDescription: descGCP,
					Computed:            true,
					Attributes: map[string]schema.Attribute{
						"project_id":           computedString(descProjectID),
						"location":             computedString(descLocation),
						"project_access_label": computedString(descProjectAccessLabel),
					},
				},
			},
		},
		"scopings": schema.ListNestedAttribute{
			MarkdownDescription: descScopings,
			Computed:            true,
			NestedObject: schema.NestedAttributeObject{
				Attributes: map[string]schema.Attribute{
					"organization_id": computedString(descOrganizationID),
					"space_id":        computedString(descSpaceID),
				},
			},
		},
		"created_at":         computedString(descCreatedAt),
		"updated_at":         computedString(descUpdatedAt),
		"created_by_user_id": computedString(descCreatedByUserID),
	}
}
