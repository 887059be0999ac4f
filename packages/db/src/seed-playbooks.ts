import type { PlaybookAssignee, RsitClass } from '@anc/domain';
import type { Db } from './client.ts';
import { writeAudit } from './queries/audit.ts';
import { playbooks } from './schema/index.ts';

interface DemoStep {
  title: string;
  description: string;
  assignTo: PlaybookAssignee;
  dueAfterHours: number;
}

/**
 * Four playbooks of the kind a national CSIRT keeps, their steps following the phases of incident
 * handling in NIST SP 800-61 (contain, preserve evidence, eradicate, recover, notify and learn).
 * Checked against the same schema the admin's editor uses (packages/db/src/seed-playbooks.test.ts).
 */
export const DEMO_PLAYBOOKS: readonly { rsitClass: RsitClass; title: string; steps: DemoStep[] }[] = [
  {
    rsitClass: 'malicious-code',
    title: 'Ransomware y código malicioso',
    steps: [
      {
        title: 'Aislar de la red los equipos afectados',
        description:
          'Desconectar de la red (sin apagarlos) los equipos cifrados o con comportamiento anómalo, segmentar la red afectada y bloquear las cuentas que use el atacante.',
        assignTo: 'reporting_agency',
        dueAfterHours: 2,
      },
      {
        title: 'Preservar la evidencia: memoria, disco y nota de rescate',
        description:
          'Capturar la memoria volátil y una imagen forense de al menos un equipo afectado; conservar la nota de rescate y las muestras con sus sumas SHA-256 y la cadena de custodia.',
        assignTo: 'reporting_agency',
        dueAfterHours: 12,
      },
      {
        title: 'Identificar la variante, el vector de entrada y los indicadores',
        description:
          'Analizar las muestras, identificar la familia de ransomware y el vector de entrada, y compartir los indicadores de compromiso con las dependencias por el canal de la ANC.',
        assignTo: 'anc',
        dueAfterHours: 24,
      },
      {
        title: 'Erradicar la persistencia y restablecer las credenciales',
        description:
          'Eliminar artefactos, tareas programadas y cuentas creadas por el atacante; restablecer las contraseñas de las cuentas privilegiadas y de servicio; corregir la vulnerabilidad de entrada.',
        assignTo: 'reporting_agency',
        dueAfterHours: 48,
      },
      {
        title: 'Restaurar desde respaldos verificados',
        description:
          'Restaurar los sistemas desde respaldos fuera de línea anteriores al compromiso, verificados libres de malware, y vigilar los equipos restaurados con monitoreo reforzado.',
        assignTo: 'reporting_agency',
        dueAfterHours: 96,
      },
      {
        title: 'Confirmar las notificaciones y documentar las lecciones aprendidas',
        description: 'Verificar que se presentaron la notificación y el reporte final, y celebrar la reunión de lecciones aprendidas con la dependencia.',
        assignTo: 'anc',
        dueAfterHours: 168,
      },
    ],
  },
  {
    rsitClass: 'fraud',
    title: 'Phishing y suplantación',
    steps: [
      {
        title: 'Bloquear remitentes, dominios y URL maliciosos',
        description:
          'Bloquear en la pasarela de correo, el proxy y el DNS los remitentes, dominios y URL del mensaje; retirar los mensajes de los buzones que los recibieron.',
        assignTo: 'reporting_agency',
        dueAfterHours: 2,
      },
      {
        title: 'Identificar a quién llegó el mensaje y quién entregó credenciales',
        description:
          'Con las bitácoras del correo y del proxy, listar los destinatarios, quién abrió el enlace y quién capturó su contraseña; conservar el mensaje original con encabezados.',
        assignTo: 'reporting_agency',
        dueAfterHours: 8,
      },
      {
        title: 'Restablecer las credenciales y cerrar las sesiones comprometidas',
        description: 'Forzar el cambio de contraseña de las cuentas afectadas, revocar sus sesiones y tokens, y exigir el segundo factor de autenticación.',
        assignTo: 'reporting_agency',
        dueAfterHours: 12,
      },
      {
        title: 'Solicitar la baja del sitio fraudulento',
        description: 'Pedir al registrador y al proveedor de hospedaje la baja del dominio o del sitio de suplantación, con la evidencia reunida.',
        assignTo: 'anc',
        dueAfterHours: 24,
      },
      {
        title: 'Alertar a las demás dependencias con los indicadores',
        description: 'Compartir los remitentes, dominios, URL y asuntos de la campaña con las dependencias, en el TLP que corresponda.',
        assignTo: 'anc',
        dueAfterHours: 24,
      },
      {
        title: 'Informar al personal y reforzar la concientización',
        description: 'Avisar al personal de la dependencia sobre la campaña con ejemplos reales y recordar cómo reportar un correo sospechoso.',
        assignTo: 'reporting_agency',
        dueAfterHours: 72,
      },
    ],
  },
  {
    rsitClass: 'availability',
    title: 'Denegación de servicio distribuida (DDoS)',
    steps: [
      {
        title: 'Activar la mitigación con el proveedor de internet o de CDN',
        description: 'Solicitar al proveedor la limpieza de tráfico o el filtrado por origen, y activar las reglas de limitación de tasa en el perímetro.',
        assignTo: 'reporting_agency',
        dueAfterHours: 1,
      },
      {
        title: 'Conservar bitácoras y capturas del tráfico del ataque',
        description:
          'Guardar las bitácoras del firewall, del balanceador y del proveedor, y una muestra del tráfico (pcap) con la hora de inicio y fin del ataque.',
        assignTo: 'reporting_agency',
        dueAfterHours: 6,
      },
      {
        title: 'Analizar los vectores y el origen; compartir los indicadores',
        description:
          'Identificar los vectores (volumétrico, de protocolo o de aplicación) y las redes de origen, y alertar a las dependencias con servicios expuestos similares.',
        assignTo: 'anc',
        dueAfterHours: 12,
      },
      {
        title: 'Restablecer el servicio y verificar su disponibilidad',
        description: 'Confirmar que el servicio responde con normalidad desde fuera de la red y retirar las medidas de emergencia que ya no hagan falta.',
        assignTo: 'reporting_agency',
        dueAfterHours: 24,
      },
      {
        title: 'Revisar la capacidad y el plan de continuidad',
        description: 'Revisar con el proveedor la capacidad contratada de mitigación y actualizar el plan de continuidad del servicio con lo aprendido.',
        assignTo: 'reporting_agency',
        dueAfterHours: 168,
      },
    ],
  },
  {
    rsitClass: 'information-content-security',
    title: 'Fuga de información',
    steps: [
      {
        title: 'Contener la fuga: revocar accesos y cerrar el canal de exposición',
        description: 'Revocar las credenciales o llaves usadas, cerrar el repositorio, bucket o recurso expuesto y bloquear la exfiltración en curso.',
        assignTo: 'reporting_agency',
        dueAfterHours: 4,
      },
      {
        title: 'Preservar la evidencia de la exposición',
        description:
          'Guardar copias de las publicaciones o archivos expuestos, las bitácoras de acceso al recurso y las sumas SHA-256, con la cadena de custodia.',
        assignTo: 'reporting_agency',
        dueAfterHours: 12,
      },
      {
        title: 'Determinar el alcance: datos, titulares y registros afectados',
        description: 'Establecer qué datos se expusieron, si incluyen datos personales, cuántos registros y titulares, y desde cuándo estuvieron expuestos.',
        assignTo: 'reporting_agency',
        dueAfterHours: 48,
      },
      {
        title: 'Solicitar el retiro de la información publicada',
        description: 'Pedir a los sitios, foros o plataformas donde se publicó la información que la retiren, con la evidencia reunida.',
        assignTo: 'anc',
        dueAfterHours: 48,
      },
      {
        title: 'Notificar a los titulares y a la autoridad de protección de datos',
        description:
          'Si hubo datos personales, informar a los titulares afectados y a la autoridad competente, como lo exige la ley general de protección de datos personales.',
        assignTo: 'reporting_agency',
        dueAfterHours: 72,
      },
      {
        title: 'Corregir la causa y documentar las lecciones aprendidas',
        description: 'Corregir la configuración o el proceso que permitió la fuga y registrar las lecciones aprendidas en el reporte final.',
        assignTo: 'reporting_agency',
        dueAfterHours: 240,
      },
    ],
  },
];

const SEED_ORIGIN = { source: 'seed' };

/** The demo playbooks, each only while its class has none (an admin's edits are kept). */
export async function seedDemoPlaybooks(db: Db): Promise<{ playbooks: number }> {
  return db.transaction(async (tx) => {
    let added = 0;
    for (const p of DEMO_PLAYBOOKS) {
      const [row] = await tx.insert(playbooks).values({ rsitClass: p.rsitClass, title: p.title, steps: p.steps }).onConflictDoNothing().returning();
      if (!row) continue;
      added++;
      await writeAudit(tx, {
        actorId: null,
        action: 'playbook.create',
        entityType: 'playbook',
        entityId: row.id,
        diff: { rsitClass: [null, row.rsitClass], title: [null, row.title], steps: [null, row.steps.length] },
        origin: SEED_ORIGIN,
      });
    }
    return { playbooks: added };
  });
}
