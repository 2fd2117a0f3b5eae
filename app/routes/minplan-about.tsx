import { Link } from "react-router";
import type { Route } from "./+types/minplan-about";
import { aboutFacts } from "~/modules/minplan";
import { danishDate } from "~/modules/plan";
import { today } from "~/platform/clock";

/**
 * Plain-language information about ressourceforløb for citizens, in the spirit of Faaborg-Midtfyn Psyk-Info
 * (seed 004). Holds no personal data, so it is open without login. Periods and deadlines come from the dated
 * parameters in force today (D-1/D-2, A-1/A-2, TG-10), never from text that can go out of date.
 */
export function loader({ context }: Route.LoaderArgs) {
  const asOf = today();
  return { facts: aboutFacts(asOf), loggedInCitizen: context.actor?.role === "citizen" };
}

export const meta: Route.MetaFunction = () => [{ title: "Om ressourceforløb – Ressourceforløb" }];

function years(n: number | null): string {
  if (n === null) return "";
  return n === 1 ? "1 år" : `${n} år`;
}

export default function AboutRessourceforloeb({ loaderData }: Route.ComponentProps) {
  const f = loaderData.facts;
  return (
    <div className="stack minplan minplan-about">
      {loaderData.loggedInCitizen ? (
        <p>
          <Link to="/min-plan">Tilbage til Min plan</Link>
        </p>
      ) : null}
      <h1>Hvad er et ressourceforløb?</h1>
      <p className="minplan-lead">
        Et ressourceforløb er hjælp til dig, der har svært ved at komme i job eller uddannelse. Målet er, at du får det
        bedre og kan arbejde eller tage en uddannelse, der passer til dig.
      </p>

      {!f.newGrantsAllowed && f.phaseOutFrom ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-heading">Ressourceforløb stopper for nye borgere</p>
            <p className="alert-text">
              Fra {danishDate(f.phaseOutFrom)} kan kommunen ikke give nye ressourceforløb. Er du allerede i et forløb,
              fortsætter det, til det slutter.
            </p>
          </div>
        </div>
      ) : null}

      <section>
        <h2>Hvem er det for?</h2>
        <ul>
          <li>Det er for dig, der har flere problemer end at være ledig.</li>
          <li>Det kan være dit helbred, din psyke, din økonomi eller noget helt andet.</li>
          <li>
            Du har brug for hjælp fra flere steder på én gang, fx hjælp til at komme i job og hjælp med dit helbred.
          </li>
        </ul>
      </section>

      <section>
        <h2>Hvor længe varer det?</h2>
        <p>
          {f.minYears !== null && f.maxYears !== null
            ? `Et ressourceforløb varer fra ${years(f.minYears)} til ${years(f.maxYears)}.`
            : "Et ressourceforløb varer det antal år, kommunen beslutter."}{" "}
          Kommunen skriver den præcise start- og slutdato i afgørelsen. Når forløbet slutter, beslutter kommunen, hvad
          der skal ske bagefter.
        </p>
      </section>

      <section>
        <h2>Rehabiliteringsteamet</h2>
        <p>
          Før du kan få et ressourceforløb, skal din sag på et møde i kommunens rehabiliteringsteam. Teamet er en gruppe
          fagfolk fra beskæftigelse, sundhed og det sociale område og en sundhedskoordinator fra regionen. Du er med til
          mødet sammen med din sagsbehandler.
        </p>
        <p>
          Du forbereder mødet sammen med din sagsbehandler. Du kan også selv skrive, hvad du ønsker, under{" "}
          <strong>Min sag til teamet</strong> i Min plan. Teamet anbefaler, hvad der skal ske. Det er kommunen, der
          bestemmer.
        </p>
        {!f.teamExists ? (
          <p>Rehabiliteringsteamet er nu nedlagt. I stedet giver en sundhedskoordinator råd til kommunen om din sag.</p>
        ) : null}
      </section>

      <section>
        <h2>Din plan</h2>
        <p>
          Du laver en plan sammen med din koordinerende sagsbehandler. I planen står dit mål for job eller uddannelse,
          delmålene på vejen og de aktiviteter, der skal hjælpe dig. Planen gælder mindst {f.planMinMonths} måneder ad
          gangen, og den bliver justeret, når der er brug for det. Du kan altid se den i Min plan.
        </p>
        <p>Der er to slags aktiviteter i planen:</p>
        <ul>
          <li>
            <strong>Tilbud fra kommunen</strong>, fx praktik på en arbejdsplads eller et kursus. Kommunen betaler. Du
            skal deltage. Bliver du væk uden en rimelig grund, kan det få betydning for din ydelse.
          </li>
          <li>
            <strong>Aftalte aktiviteter</strong>, fx en fritidsaktivitet. Det er ikke et tilbud. Kommunen betaler ikke,
            og du mister ikke penge, hvis du ikke deltager.
          </li>
        </ul>
      </section>

      <section>
        <h2>Dine kontaktpersoner</h2>
        <dl className="minplan-facts">
          <dt>Koordinerende sagsbehandler</dt>
          <dd>
            Din faste kontakt i kommunen. Din sagsbehandler holder styr på hele forløbet
            {f.conversations
              ? ` og holder mindst ${f.conversations.required} samtaler med dig i forløbets første ${f.conversations.windowMonths} måneder`
              : ""}
            . Du kan altid bede om en samtale.
          </dd>
          <dt>Mentor</dt>
          <dd>
            En person, der støtter dig i hverdagen, fx når du starter på en arbejdsplads. Som udgangspunkt skal du have
            tilbudt en mentor.
          </dd>
          {f.jobformidlerRight ? (
            <>
              <dt>Personlig jobformidler</dt>
              <dd>
                En person, der hjælper dig med at finde en arbejdsplads, der passer til dig. Du har ret til en, hvis du
                ønsker det. Det er aldrig den samme som din sagsbehandler.
              </dd>
            </>
          ) : null}
          <dt>Bisidder</dt>
          <dd>
            Du må altid tage en person med til dine møder, fx et familiemedlem eller en ven. Personen kan støtte dig og
            hjælpe dig med at huske, hvad der bliver sagt.
          </dd>
        </dl>
      </section>

      <section>
        <h2>Penge: ressourceforløbsydelse</h2>
        <p>
          Mens du er i et ressourceforløb, får du ressourceforløbsydelse. Hvor meget du får, afhænger af, hvad du fik
          før, fx sygedagpenge eller kontanthjælp. Din og din ægtefælles formue og din ægtefælles indkomst betyder ikke
          noget for ydelsen. Tjener du selv penge ved siden af, bliver ydelsen sat ned med en del af lønnen.
        </p>
      </section>

      <section>
        <h2>Hvis du er uenig: sådan klager du</h2>
        <ul>
          <li>
            Du kan klage over kommunens afgørelse om ressourceforløb og over de enkelte tilbud. Du kan ikke klage over
            selve planen, men du kan altid tale med din sagsbehandler om den.
          </li>
          <li>
            Du sender din klage til kommunen
            {f.appealWeeks !== null ? `, senest ${f.appealWeeks} uger efter, at du har fået afgørelsen` : ""}.
          </li>
          <li>
            Kommunen ser på sagen igen
            {f.genvurderingWeeks !== null ? ` inden for ${f.genvurderingWeeks} uger` : ""}. Hvis kommunen ikke giver dig
            ret, sender kommunen klagen videre til Ankestyrelsen.
          </li>
          <li>Hvordan du klager, står også i det brev, hvor du fik afgørelsen.</li>
        </ul>
      </section>
    </div>
  );
}
