package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/arize-ai/terraform-provider-arize/internal/arize"
)

// integrationModel is an integration as the API returns it, in Terraform
// values: the attributes that the resource, the data sources and the list
// resource share.
type integrationModel struct {
	ID                     types.String `tfsdk:"id"`
	Name                   types.String `tfsdk:"name"`
	AIProvider             enumValue    `tfsdk:"ai_provider"`
	HasAPIKey              types.Bool   `tfsdk:"has_api_key"`
	BaseURL                types.String `tfsdk:"base_url"`
	ModelNames             types.List   `tfsdk:"model_names"`
	Headers                types.Map    `tfsdk:"headers"`
	EnableDefaultModels    types.Bool   `tfsdk:"enable_default_models"`
	FunctionCallingEnabled types.Bool   `tfsdk:"function_calling_enabled"`
	AuthType               enumValue    `tfsdk:"auth_type"`
	ProviderMetadata       types.Object `tfsdk:"provider_metadata"`
	Scopings               types.List   `tfsdk:"scopings"`
	CreatedAt              types.String `tfsdk:"created_at"`
	UpdatedAt              types.String `tfsdk:"updated_at"`
	CreatedByUserID        types.String `tfsdk:"created_by_user_id"`
}

// aiIntegrationModel is arize_ai_integration's plan, state and config: the
// API's attributes and the two that exist only in Terraform.
type aiIntegrationModel struct {
	integrationModel
	APIKey        types.String `tfsdk:"api_key"`
	APIKeyVersion types.String `tfsdk:"api_key_version"`
}

type providerMetadataModel struct {
	AWS types.Object `tfsdk:"aws"`
	GCP types.Object `tfsdk:"gcp"`
}

type awsMetadataModel struct {
	RoleARN    types.String `tfsdk:"role_arn"`
	ExternalID types.String `tfsdk:"external_id"`
}

type gcpMetadataModel struct {
	ProjectID          types.String `tfsdk:"project_id"`
	Location           types.String `tfsdk:"location"`
	ProjectAccessLabel types.String `tfsdk:"project_access_label"`
}

type scopingModel struct {
	OrganizationID types.String `tfsdk:"organization_id"`
	SpaceID        types.String `tfsdk:"space_id"`
}

// The object types of the nested attributes, derived from their models so
// that a nested attribute is declared once; TestNestedAttrTypesMatchSchema
// checks them against the schema.
var (
	awsMetadataAttrTypes      = attrTypesOf[awsMetadataModel]()
	gcpMetadataAttrTypes      = attrTypesOf[gcpMetadataModel]()
	providerMetadataAttrTypes = map[string]attr.Type{ // objects: their types are the models' above
		"aws": types.ObjectType{AttrTypes: awsMetadataAttrTypes},
		"gcp": types.ObjectType{AttrTypes: gcpMetadataAttrTypes},
	}
	scopingAttrTypes  = attrTypesOf[scopingModel]()
	scopingObjectType = types.ObjectType{AttrTypes: scopingAttrTypes}
)

// setFromAPI copies what the API returned into m, normalising the API's
// several ways of saying "nothing" ("" and null, [] and null, [{}]) to the
// one the schema uses, so that a read never shows a diff the user did not
// make. Enum values keep the server's spelling; where the user wrote the
// other, the framework keeps theirs (enumValue's semantic equality).
func (m *integrationModel) setFromAPI(ctx context.Context, in *arize.Integration) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(in.ID)
	m.Name = types.StringValue(in.Name)
	m.AIProvider = enumOf(string(in.Provider))
	m.HasAPIKey = types.BoolValue(in.HasAPIKey)
	m.BaseURL = stringOrNull(in.BaseURL)
	m.EnableDefaultModels = types.BoolValue(in.EnableDefaultModels)
	m.FunctionCallingEnabled = types.BoolValue(in.FunctionCallingEnabled)
	m.AuthType = enumOf(string(in.AuthType))
	m.CreatedAt = types.StringValue(in.CreatedAt)
	m.UpdatedAt = types.StringValue(in.UpdatedAt)
	m.CreatedByUserID = types.StringValue(in.CreatedByUserID)

	m.ModelNames = types.ListNull(types.StringType)
	if len(in.ModelNames) > 0 {
		var d diag.Diagnostics
		m.ModelNames, d = types.ListValueFrom(ctx, types.StringType, in.ModelNames)
		diags.Append(d...)
	}
	m.Headers = types.MapNull(types.StringType)
	if len(in.Headers) > 0 {
		var d diag.Diagnostics
		m.Headers, d = types.MapValueFrom(ctx, types.StringType, in.Headers)
		diags.Append(d...)
	}
	m.ProviderMetadata = providerMetadataFromAPI(ctx, in.ProviderMetadata, &diags)
	m.Scopings = scopingsFromAPI(ctx, in.Scopings, &diags)
	return diags
}

func providerMetadataFromAPI(ctx context.Context, in *arize.ProviderMetadata, diags *diag.Diagnostics) types.Object {
	if in == nil || (in.AWS == nil && in.GCP == nil) {
		return types.ObjectNull(providerMetadataAttrTypes)
	}
	aws := types.ObjectNull(awsMetadataAttrTypes)
	gcp := types.ObjectNull(gcpMetadataAttrTypes)
	var d diag.Diagnostics
	if in.AWS != nil {
		aws, d = types.ObjectValueFrom(ctx, awsMetadataAttrTypes, awsMetadataModel{
			RoleARN:    types.StringValue(in.AWS.RoleARN),
			ExternalID: emptyToNull(in.AWS.ExternalID),
		})
		diags.Append(d...)
	}
	if in.GCP != nil {
		gcp, d = types.ObjectValueFrom(ctx, gcpMetadataAttrTypes, gcpMetadataModel{
			ProjectID:          types.StringValue(in.GCP.ProjectID),
			Location:           types.StringValue(in.GCP.Location),
			ProjectAccessLabel: types.StringValue(in.GCP.ProjectAccessLabel),
		})
		diags.Append(d...)
	}
	out, d := types.ObjectValueFrom(ctx, providerMetadataAttrTypes, providerMetadataModel{AWS: aws, GCP: gcp})
	diags.Append(d...)
	return out
}

// scopingsFromAPI reads the API's scopings. Account-wide, which the API
// answers as [], null, [{}] or [{"organization_id": null, "space_id":
// null}], is the empty list: the schema's default.
func scopingsFromAPI(ctx context.Context, in []arize.Scoping, diags *diag.Diagnostics) types.List {
	scopings := make([]scopingModel, 0, len(in))
	if !slices.ContainsFunc(in, func(s arize.Scoping) bool { return !s.IsAccountWide() }) {
		in = nil
	}
	for _, s := range in {
		scopings = append(scopings, scopingModel{
			OrganizationID: types.StringPointerValue(s.OrganizationID),
			SpaceID:        types.StringPointerValue(s.SpaceID),
		})
	}
	out, d := types.ListValueFrom(ctx, scopingObjectType, scopings)
	diags.Append(d...)
	return out
}

// createRequest builds the POST body from a plan and the config's write-only
// api key.
func (m *aiIntegrationModel) createRequest(ctx context.Context, apiKey types.String) (arize.CreateRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	req := arize.CreateRequest{
		Name:                   m.Name.ValueString(),
		Provider:               arize.Provider(m.AIProvider.ValueString()),
		APIKey:                 apiKey.ValueString(),
		BaseURL:                m.BaseURL.ValueString(),
		EnableDefaultModels:    m.EnableDefaultModels.ValueBoolPointer(),
		FunctionCallingEnabled: m.FunctionCallingEnabled.ValueBoolPointer(),
		AuthType:               arize.AuthType(m.AuthType.ValueString()),
	}
	req.ModelNames = stringList(ctx, m.ModelNames, &diags)
	req.Headers = stringMap(ctx, m.Headers, &diags)
	req.ProviderMetadata = providerMetadataToAPI(ctx, m.ProviderMetadata, &diags)
	req.Scopings = scopingsToAPI(ctx, m.Scopings, &diags)
	return req, diags
}

// updateRequest builds a PATCH that carries only what differs between the
// state and the plan; a field the plan clears is sent as null. The api key is
// sent only when sendKey says so, since Terraform cannot tell whether a
// write-only value changed.
func (m *aiIntegrationModel) updateRequest(ctx context.Context, state *aiIntegrationModel, sendKey bool, apiKey types.String) (arize.UpdateRequest, diag.Diagnostics) {
	var diags diag.Diagnostics
	var req arize.UpdateRequest
	if !m.Name.Equal(state.Name) {
		req.Name = arize.Value(m.Name.ValueString())
	}
	if sendKey {
		req.APIKey = nullableString(apiKey)
	}
	if !m.BaseURL.Equal(state.BaseURL) {
		req.BaseURL = nullableString(m.BaseURL)
	}
	if !m.ModelNames.Equal(state.ModelNames) {
		// Lists are replaced when sent; the contract documents null only for
		// api_key, base_url, headers and provider_metadata, so an empty list
		// clears the models.
		names := stringList(ctx, m.ModelNames, &diags)
		if names == nil {
			names = []string{}
		}
		req.ModelNames = arize.Value(names)
	}
	if !m.Headers.Equal(state.Headers) {
		req.Headers = nullable(m.Headers.IsNull(), stringMap(ctx, m.Headers, &diags))
	}
	if !m.EnableDefaultModels.Equal(state.EnableDefaultModels) {
		req.EnableDefaultModels = arize.Value(m.EnableDefaultModels.ValueBool())
	}
	if !m.FunctionCallingEnabled.Equal(state.FunctionCallingEnabled) {
		req.FunctionCallingEnabled = arize.Value(m.FunctionCallingEnabled.ValueBool())
	}
	if !sameEnum(m.AuthType, state.AuthType) {
		req.AuthType = arize.Value(arize.AuthType(m.AuthType.ValueString()))
	}
	if !m.ProviderMetadata.Equal(state.ProviderMetadata) {
		if md := providerMetadataToAPI(ctx, m.ProviderMetadata, &diags); md != nil {
			req.ProviderMetadata = arize.Value(*md)
		} else {
			req.ProviderMetadata = arize.Null[arize.ProviderMetadata]()
		}
	}
	if !m.Scopings.Equal(state.Scopings) {
		scopings := scopingsToAPI(ctx, m.Scopings, &diags)
		if len(scopings) == 0 {
			// The contract's own spelling of account-wide: organization_id null.
			scopings = []arize.Scoping{{}}
		}
		req.Scopings = arize.Value(scopings)
	}
	return req, diags
}

func providerMetadataToAPI(ctx context.Context, o types.Object, diags *diag.Diagnostics) *arize.ProviderMetadata {
	if o.IsNull() || o.IsUnknown() {
		return nil
	}
	var pm providerMetadataModel
	diags.Append(o.As(ctx, &pm, basetypes.ObjectAsOptions{})...)
	switch {
	case !pm.AWS.IsNull():
		var aws awsMetadataModel
		diags.Append(pm.AWS.As(ctx, &aws, basetypes.ObjectAsOptions{})...)
		return &arize.ProviderMetadata{AWS: &arize.AWSMetadata{
			RoleARN: aws.RoleARN.ValueString(), ExternalID: aws.ExternalID.ValueString(),
		}}
	case !pm.GCP.IsNull():
		var gcp gcpMetadataModel
		diags.Append(pm.GCP.As(ctx, &gcp, basetypes.ObjectAsOptions{})...)
		return &arize.ProviderMetadata{GCP: &arize.GCPMetadata{
			ProjectID: gcp.ProjectID.ValueString(), Location: gcp.Location.ValueString(), ProjectAccessLabel: gcp.ProjectAccessLabel.ValueString(),
		}}
	}
	return nil
}

func scopingsToAPI(ctx context.Context, l types.List, diags *diag.Diagnostics) []arize.Scoping {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	var scopings []scopingModel
	diags.Append(l.ElementsAs(ctx, &scopings, false)...)
	out := make([]arize.Scoping, 0, len(scopings))
	for _, s := range scopings {
		out = append(out, arize.Scoping{
			OrganizationID: s.OrganizationID.ValueStringPointer(),
			SpaceID:        s.SpaceID.ValueStringPointer(),
		})
	}
	return out
}
