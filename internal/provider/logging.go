package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// tflogLogger sends the client's debug log to Terraform's log. The client
// already masks bodies; masking the provider's own key here as well means a
// mistake there still cannot put the key in a TF_LOG file.
type tflogLogger struct {
	secrets []string
}

func (l tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	ctx = tflog.MaskAllFieldValuesStrings(ctx, l.secrets...)
	ctx = tflog.MaskMessageStrings(ctx, l.secrets...)
	tflog.Debug(ctx, msg, fields)
}
