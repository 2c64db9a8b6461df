using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Application;

public static class DependencyInjection
{
    /// <summary>Registers the application layer: use cases and the rules they apply.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddStaffIdentity();
        services.AddSettings();
        return services.AddUseCases();
    }

    /// <summary>Who the staff are: the host's sign-in settings (App Service Authentication) and the principal they give.</summary>
    private static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddOptions<Identity.HostPlatformOptions>()
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, configuration) =>
            {
                o.SiteName = configuration[Identity.HostPlatformOptions.SiteNameSetting];
                o.AuthEnabled = configuration[Identity.HostPlatformOptions.AuthEnabledSetting];
                o.AuthDefaultProvider = configuration[Identity.HostPlatformOptions.AuthDefaultProviderSetting];
            })
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Identity.HostPlatformOptions>, Identity.HostPlatformValidation>();
        services.AddSingleton<Identity.StaffIdentity>();
        return services;
    }

    /// <summary>The application's settings, each bound to its section and validated when the host starts.</summary>
    private static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddOptions<Options.KhuyenCongOptions>()
            .BindConfiguration(Options.KhuyenCongOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Options.IntakeOptions>()
            .BindConfiguration(Options.IntakeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Options.ExchangeOptions>()
            .BindConfiguration(Options.ExchangeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Links.LinksOptions>()
            .BindConfiguration(Links.LinksOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Links.LinksOptions>, Links.LinksOptionsValidation>();
        services.AddOptions<Workflow.WorkflowOptions>()
            .BindConfiguration(Workflow.WorkflowOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Plans.PlanningOptions>()
            .BindConfiguration(Plans.PlanningOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Reminders.RemindersOptions>()
            .BindConfiguration(Reminders.RemindersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Reminders.RemindersOptions>, Reminders.RemindersOptionsValidation>();
        return services;
    }

    /// <summary>The use cases and the services they share.</summary>
    private static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddSingleton<Reminders.ReminderService>();
        services.AddSingleton<Reminders.ReviewerReminders>();
        services.AddSingleton<WorkQueue.OfficerWorkQueue>();
        services.AddSingleton<WorkQueue.DirectorWorkQueue>();
        services.AddSingleton<Links.LinkService>();
        services.AddSingleton<Places.ProposalPlaces>();
        services.AddSingleton<Places.PlaceMerges>();
        services.AddSingleton<Caps.CapAssessment>();
        services.AddSingleton<Migrations.ReferenceDataMigration>();
        services.AddSingleton<Intake.ProposalIntake>();
        services.AddSingleton<Selection.CallRankings>();
        services.AddSingleton<Selection.SelectionProposals>();
        services.AddSingleton<Selection.Approval.SelectionApprovals>();
        services.AddSingleton<Plans.PlanEffects>();
        services.AddSingleton<Plans.PlanRecording>();
        services.AddSingleton<Plans.PlanAdjustments>();
        services.AddSingleton<Plans.AdjustmentEffects>();
        services.AddSingleton<Plans.PlanCarryOver>();
        services.AddSingleton<Plans.CallPlanViews>();
        services.AddSingleton<Plans.PlanChangePageViews>();
        services.AddSingleton<Proposals.SubmissionLimits>();
        services.AddSingleton<Proposals.ProposalTracking>();
        services.AddSingleton<Exchange.ProposalExport>();
        services.AddSingleton<Exchange.ProposalImport>();
        services.AddOptions<Email.EmailOptions>()
            .BindConfiguration(Email.EmailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<Email.OnceOnlyEmailSender>();
        services.AddSingleton<Appraisal.IReviewerAssigner, Appraisal.ReviewerAssigner>();
        services.AddSingleton<Workflow.Steps.WorkflowSteps>();
        services.AddProgrammes();
        Documents.DocumentsServiceCollectionExtensions.AddDocuments(services);
        services.AddCallsAndCouncils();
        services.AddStaffDecisions();
        services.AddLinkDecisions();
        return services;
    }

    /// <summary>
    /// The staff's decisions (ADR 0013): on proposals (each validates, checks the stage, stores first, then tells the
    /// workflow), and on the reference data they work with (reviewers, rubric, budgets, caps).
    /// </summary>
    public static IServiceCollection AddStaffDecisions(this IServiceCollection services)
    {
        services.AddSingleton<Screening.ScreeningDecisions>();
        services.AddSingleton<Appraisal.ReviewerReplacement>();
        services.AddSingleton<Funding.ContractRecording>();
        services.AddSingleton<Approval.DecisionNumberRecording>();
        services.AddSingleton<Funding.PaymentRecording>();
        services.AddSingleton<Funding.AcceptanceConfirmation>();
        services.AddSingleton<Proposals.ProposalCancellation>();
        services.AddSingleton<Workflow.WorkflowStarts>();
        services.AddSingleton<Appraisal.ReviewerEditing>();
        services.AddSingleton<Appraisal.RubricEditing>();
        services.AddSingleton<Budgets.BudgetAllocations>();
        services.AddSingleton<Caps.CapEditing>();
        return services;
    }

    /// <summary>The decisions taken through emailed links (ADR 0013): review, approval, revision, withdrawal, report.</summary>
    public static IServiceCollection AddLinkDecisions(this IServiceCollection services)
    {
        services.AddSingleton<Appraisal.ReviewSubmission>();
        services.AddSingleton<Approval.ApprovalDecisions>();
        services.AddSingleton<Revision.RevisionSubmission>();
        services.AddSingleton<Proposals.Withdrawal>();
        services.AddSingleton<Funding.ReportSubmission>();
        return services;
    }

    /// <summary>Calls for proposals and the intake's placement in them; appraisal councils and their sessions (issue 13 lines 1, 2).</summary>
    public static IServiceCollection AddCallsAndCouncils(this IServiceCollection services)
    {
        services.AddSingleton<Calls.CallEditing>();
        services.AddSingleton<Intake.CallPlacement>();
        services.AddSingleton<Councils.CouncilSetup>();
        services.AddSingleton<Councils.CouncilSessions>();
        return services;
    }

    /// <summary>Programmes and their progress, annual plans (their budgets are the ledger's allocations) and geography with history.</summary>
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddSingleton<Programmes.ProgrammeProgress>();
        services.AddSingleton<Plans.AnnualPlans>();
        services.AddSingleton<Plans.AnnualPlanOverview>();
        services.AddSingleton<Plans.PlannedBudgets>();
        services.AddSingleton<Geography.GeographyService>();
        services.AddSingleton<Geography.IGeography>(sp => sp.GetRequiredService<Geography.GeographyService>());
        services.AddSingleton<Geography.CommuneListImport>();
        services.AddSingleton<Plans.PlanSaving>();
        services.AddSingleton<Programmes.ProgrammeEditing>();
        services.AddSingleton<Programmes.ProgrammeAssignment>();
        return services;
    }
}
