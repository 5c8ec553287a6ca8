package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// identityModel is arize_ai_integration's resource identity: the ID alone
// finds an integration, whatever its name or scope.
type identityModel struct {
	ID types.String `tfsdk:"id"`
}

func (r *aiIntegrationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				Description:       descID,
				RequiredForImport: true,
			},
		},
	}
}

// setIdentity records the identity of the integration id. Terraform older
// than 1.12 has no identities, and then identity is nil.
func setIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil {
		return nil
	}
	return identity.Set(ctx, identityModel{ID: types.StringValue(id)})
}
