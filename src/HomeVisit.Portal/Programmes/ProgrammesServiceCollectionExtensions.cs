using HomeVisit.Core.Programmes;

namespace HomeVisit.Portal.Programmes;

public static class ProgrammesServiceCollectionExtensions
{
    /// <summary>
    /// The one place the programmes are listed. Each becomes a full module (rules, pages, forms) in
    /// the programme-module work; for now the core needs their keys and names.
    /// </summary>
    public static IServiceCollection AddProgrammes(this IServiceCollection services)
    {
        services.AddSingleton(new ProgrammeInfo("lianzheng", "廉政家访", "Integrity home visits", "#c0392b"));
        services.AddSingleton(new ProgrammeInfo("ganbu", "干部家访", "Cadre home visits", "#2e86c1"));
        services.AddSingleton(new ProgrammeInfo("qinglian", "清廉家访", "Family integrity visits", "#27ae60"));
        services.AddSingleton(new ProgrammeInfo("lianxi", "联系师生", "Leaders linked to teachers and students", "#8e44ad"));
        services.AddSingleton(new ProgrammeInfo("huifang", "受处分人员回访关爱", "Revisits of disciplined persons", "#d68910"));
        return services;
    }
}
